package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryParserTest {

    private final UserQueryParser parser = new UserQueryParser();

    @Test
    void splits_fielded_clauses_phrases_and_exclusions() {
        ParsedQuery q = parser.parse(
                "diffusion author:\"Jonathan Ho\" org:Google cat:cs.CV \"temporal attention\" -image title:video");
        assertThat(q.text()).isEqualTo("diffusion");
        assertThat(q.authors()).containsExactly("Jonathan Ho");
        assertThat(q.organizations()).containsExactly("google");
        assertThat(q.categories()).containsExactly("cs.cv");
        assertThat(q.phrases()).containsExactly("temporal attention");
        assertThat(q.excluded()).containsExactly("image");
        assertThat(q.titles()).containsExactly("video");
    }

    @Test
    void unknown_fields_and_operators_are_plain_text() {
        ParsedQuery q = parser.parse("foo:bar AND (baz OR qux)");
        assertThat(q.text()).isEqualTo("foo bar AND (baz OR qux)");
        assertThat(q.authors()).isEmpty();
    }

    @Test
    void an_unquoted_author_name_takes_the_capitalised_words_that_follow_it() {
        ParsedQuery q = parser.parse("author:Ziwei Liu");
        assertThat(q.authors()).containsExactly("Ziwei Liu");
        assertThat(q.text()).isEmpty();
        assertThat(parser.parse("diffusion author:Ziwei  Liu video").authors()).containsExactly("Ziwei Liu");
        assertThat(parser.parse("diffusion author:Ziwei  Liu video").text()).isEqualTo("diffusion video");
        assertThat(parser.parse("au:Juan Carlos Niebles").authors()).containsExactly("Juan Carlos Niebles");
        assertThat(parser.parse("author:Ziwei Liu author:Chen Change Loy").authors())
                .containsExactly("Ziwei Liu", "Chen Change Loy");
    }

    @Test
    void an_author_name_ends_at_a_lower_case_word_a_field_a_quote_or_a_minus() {
        assertThat(parser.parse("author:Hinton dropout").authors()).containsExactly("Hinton");
        assertThat(parser.parse("author:Hinton dropout").text()).isEqualTo("dropout");
        assertThat(parser.parse("author:Liu cat:cs.CV").authors()).containsExactly("Liu");
        assertThat(parser.parse("author:Liu \"Video Diffusion\"").phrases()).containsExactly("Video Diffusion");
        assertThat(parser.parse("author:Liu -Survey").excluded()).containsExactly("Survey");
        assertThat(parser.parse("author:liu Ziwei").authors()).containsExactly("liu");
        assertThat(parser.parse("author:A B C D E").authors()).containsExactly("A B C D");
        assertThat(parser.parse("title:Deep Learning").titles()).containsExactly("Deep");
    }

    @Test
    void an_unclosed_quote_runs_to_the_end() {
        assertThat(parser.parse("\"open phrase").phrases()).containsExactly("open phrase");
        assertThat(parser.parse("author:\"Ho").authors()).containsExactly("Ho");
    }

    @Test
    void hostile_input_parses_into_bounded_clauses() {
        for (String s : List.of("((( AND:", ":::", "\"", "-", "--", "author:", "-\"\"", "a:\"", "\\", "*?~^",
                "x".repeat(5000), "author:a ".repeat(200))) {
            ParsedQuery q = parser.parse(s);
            assertThat(q.authors().size() + q.phrases().size()).isLessThanOrEqualTo(UserQueryParser.MAX_CLAUSES);
            assertThat(q.text().length()).isLessThanOrEqualTo(UserQueryParser.MAX_CHARS + 8);
        }
        assertThat(parser.parse(null).isEmpty()).isTrue();
    }
}
