package org.dailypapers.cite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.junit.jupiter.api.Test;

/** Golden outputs of the BibTeX and CSL-JSON writers, with names and titles that trip careless writers. */
class CitationWritersTest {
    static Paper paper(String id, String title, String published, List<String> authors, List<String> categories) {
        return new Paper(new ArxivId(id), title, "An abstract.", authors, Instant.parse(published), categories, null, null,
                null, null, null, List.of(), null);
    }

    static final Paper ATTENTION = paper("1706.03762", "Attention Is All You Need", "2017-06-12T17:57:34Z",
            List.of("Ashish Vaswani", "Noam Shazeer", "Niki Parmar"), List.of("cs.CL", "cs.LG"));

    @Test
    void a_paper_is_the_misc_entry_arxiv_gives() {
        assertThat(BibTexWriter.write(List.of(ATTENTION))).isEqualTo("""
                @misc{vaswani2017attention,
                  title={Attention Is All You Need},
                  author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
                  year={2017},
                  eprint={1706.03762},
                  archivePrefix={arXiv},
                  primaryClass={cs.CL},
                  url={https://arxiv.org/abs/1706.03762}
                }
                """);
    }

    @Test
    void special_characters_are_escaped_and_well_formed_latex_is_kept() {
        Paper tricky = paper("2406.09414", "100% of {GPT} & more: $O(n^{2})$ time_steps #1 ~ a^b in Schr\\\"odinger's cat\n  \\",
                "2024-06-13T00:00:00Z", List.of("Jan van der Berg", "José Ñúñez", "Martin Luther King Jr.", "Research and Development Team"),
                List.of("cs.CL"));
        assertThat(BibTexWriter.write(List.of(tricky))).isEqualTo("""
                @misc{vanderberg2024gpt,
                  title={100\\% of {GPT} \\& more: $O(n^{2})$ time\\_steps \\#1 \\textasciitilde{} a\\textasciicircum{}b in Schr\\"odinger's cat \\textbackslash{}},
                  author={van der Berg, Jan and Ñúñez, José and King, Jr., Martin Luther and {Research and Development Team}},
                  year={2024},
                  eprint={2406.09414},
                  archivePrefix={arXiv},
                  primaryClass={cs.CL},
                  url={https://arxiv.org/abs/2406.09414}
                }
                """);
    }

    @Test
    void braces_and_dollars_that_do_not_pair_up_are_escaped_so_the_entry_still_parses() {
        assertThat(TexText.escape("a } b { c", true)).isEqualTo("a \\} b \\{ c");
        assertThat(TexText.escape("costs $5 and $6 but $7", true)).isEqualTo("costs \\$5 and \\$6 but \\$7");
        assertThat(TexText.escape("x {y $a}$ z", true)).isEqualTo("x \\{y \\$a\\}\\$ z");
        assertThat(TexText.escape("$\\alpha$-divergence {Models}", true)).isEqualTo("$\\alpha$-divergence {Models}");
        assertThat(TexText.escape("costs $5", false)).isEqualTo("costs \\$5");
    }

    @Test
    void keys_are_stable_and_unique_within_one_export() {
        Paper twin = paper("1706.99999", "Attention, again", "2017-01-01T00:00:00Z", List.of("A. Vaswani"), List.of());
        Paper third = paper("1706.99998", "Attention: the third", "2017-01-01T00:00:00Z", List.of("Ashish Vaswani"), List.of());
        Paper nameless = paper("2101.00001", "The $\\beta$ of the Ω", "2021-01-01T00:00:00Z", List.of("李明"), List.of());
        assertThat(CitationKeys.of(List.of(ATTENTION, twin, third, nameless)))
                .containsExactly("vaswani2017attention", "vaswani2017attentionb", "vaswani2017attentionc", "anon2021");
        assertThat(CitationKeys.of(ATTENTION)).isEqualTo("vaswani2017attention");
    }

    @Test
    void an_entry_without_authors_or_categories_leaves_those_fields_out() {
        String bib = BibTexWriter.write(List.of(paper("math/0211159", "Ricci flow", "2002-11-11T00:00:00Z", List.of(), List.of())));
        assertThat(bib).startsWith("@misc{anon2002ricci,\n").doesNotContain("author=").doesNotContain("primaryClass")
                .contains("eprint={math/0211159}");
    }

    @Test
    void csl_json_is_what_zotero_imports() throws Exception {
        String json = new ObjectMapper().writeValueAsString(CslJsonWriter.items(List.of(ATTENTION,
                paper("2406.09414", "Ψ \"quoted\" <b>", "2024-06-13T09:00:00Z", List.of("Jan van der Berg", "Plato"), List.of()))));
        assertThat(json).isEqualTo("[{\"id\":\"vaswani2017attention\",\"type\":\"article\",\"title\":\"Attention Is All You Need\","
                + "\"author\":[{\"family\":\"Vaswani\",\"given\":\"Ashish\"},{\"family\":\"Shazeer\",\"given\":\"Noam\"},"
                + "{\"family\":\"Parmar\",\"given\":\"Niki\"}],\"issued\":{\"date-parts\":[[2017,6,12]]},\"abstract\":\"An abstract.\","
                + "\"publisher\":\"arXiv\",\"archive\":\"arXiv\",\"number\":\"1706.03762\",\"DOI\":\"10.48550/arXiv.1706.03762\","
                + "\"URL\":\"https://arxiv.org/abs/1706.03762\",\"keyword\":\"cs.CL, cs.LG\"},"
                + "{\"id\":\"vanderberg2024quoted\",\"type\":\"article\",\"title\":\"Ψ \\\"quoted\\\" <b>\","
                + "\"author\":[{\"family\":\"van der Berg\",\"given\":\"Jan\"},{\"family\":\"Plato\"}],"
                + "\"issued\":{\"date-parts\":[[2024,6,13]]},\"abstract\":\"An abstract.\",\"publisher\":\"arXiv\",\"archive\":\"arXiv\","
                + "\"number\":\"2406.09414\",\"DOI\":\"10.48550/arXiv.2406.09414\",\"URL\":\"https://arxiv.org/abs/2406.09414\"}]");
    }

    @Test
    void names_split_into_family_and_given() {
        assertThat(AuthorName.parse("Ashish Vaswani")).isEqualTo(new AuthorName("Vaswani", "Ashish", ""));
        assertThat(AuthorName.parse("Ludwig van Beethoven")).isEqualTo(new AuthorName("van Beethoven", "Ludwig", ""));
        assertThat(AuthorName.parse("Hinton, Geoffrey E.")).isEqualTo(new AuthorName("Hinton", "Geoffrey E.", ""));
        assertThat(AuthorName.parse("  Yann   LeCun ")).isEqualTo(new AuthorName("LeCun", "Yann", ""));
        assertThat(AuthorName.parse("OpenAI")).isEqualTo(new AuthorName("OpenAI", "", ""));
        assertThat(AuthorName.parse("Sammy Davis Jr.")).isEqualTo(new AuthorName("Davis", "Sammy", "Jr."));
    }
}
