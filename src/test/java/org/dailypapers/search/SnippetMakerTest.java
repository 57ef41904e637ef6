package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SnippetMakerTest {
    private final SnippetMaker maker = new SnippetMaker();

    private Snippet one(String query, String text, int width) {
        return maker.snippets(query, List.of(text), width).getFirst();
    }

    private static String plain(Snippet s) {
        return s.parts().stream().map(Snippet.Part::text).collect(Collectors.joining());
    }

    private static List<String> marked(Snippet s) {
        return s.parts().stream().filter(Snippet.Part::hit).map(Snippet.Part::text).toList();
    }

    @Test
    void marks_the_query_words_by_their_stems_in_the_passage_with_most_of_them() {
        String text = "We study sparse attention. " + "Unrelated filler words here. ".repeat(20)
                + "Diffusion transformers scale; a transformer for diffusion models.";
        Snippet s = one("diffusion transformers", text, 120);
        assertThat(s.leadingCut()).isTrue();
        assertThat(s.trailingCut()).isFalse();
        assertThat(marked(s)).containsExactly("Diffusion", "transformers", "transformer", "diffusion");
        assertThat(text).endsWith(plain(s));
        assertThat(s.math()).isTrue(); // no formula at all pairs up trivially
    }

    @Test
    void a_word_inside_a_formula_stays_unmarked_so_that_the_formula_can_be_rendered() {
        Snippet s = one("log time", "Sorting takes $O(n \\log n)$ time in the worst case.", 200);
        assertThat(marked(s)).containsExactly("time");
        assertThat(plain(s)).isEqualTo("Sorting takes $O(n \\log n)$ time in the worst case.");
        assertThat(s.math()).isTrue();
    }

    @Test
    void the_passage_neither_starts_nor_ends_inside_a_formula() {
        String formula = "$\\mathcal{L} = \\sum_{i=1}^{N} \\log p_\\theta(x_i \\mid x_{<i})$";
        String text = "Alpha beta gamma delta epsilon " + formula + " is the loss we minimise for language models "
                + "and " + formula + " again with many words after it so that the passage is cut somewhere.";
        for (int width = 20; width <= text.length(); width += 7) {
            for (String query : List.of("language models", "alpha", "loss", "cut somewhere")) {
                Snippet s = one(query, text, width);
                String passage = plain(s);
                assertThat(dollars(passage)).as("width %d, query %s: %s", width, query, passage).isEven();
                assertThat(text).contains(passage);
            }
        }
    }

    @Test
    void a_text_whose_dollars_do_not_pair_is_not_math_even_where_its_passage_would_pair() {
        Snippet s = one("run", "It costs $5 per run where $p_{gen}$ is small.", 200);
        assertThat(s.math()).isFalse();
        assertThat(marked(s)).containsExactly("run"); // nothing is a formula, so every match is marked
    }

    @Test
    void display_math_and_parenthesis_delimiters_are_kept_whole() {
        String text = "Words before. $$E = mc^2 + energy$$ then \\(energy \\cdot time\\) and energy at last.";
        Snippet s = one("energy", text, 200);
        assertThat(marked(s)).containsExactly("energy");
        assertThat(s.math()).isTrue();
    }

    @Property(tries = 300)
    void every_passage_of_well_formed_text_keeps_its_formulas_whole(
            @ForAll @IntRange(min = 0, max = 40) int seed, @ForAll @IntRange(min = 10, max = 160) int width) {
        java.util.Random random = new java.util.Random(seed);
        String[] words = {"model", "loss", "$x_i$", "$\\alpha + \\beta$", "data", "$$\\int f$$", "scale", "train"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        Snippet s = one(words[random.nextInt(words.length)].replace("$", "") + " data", text.toString().strip(), width);
        String passage = plain(s);
        assertThat(dollars(passage)).as(passage).isEven();
        MathSpans formulas = MathSpans.of(passage);
        assertThat(formulas.wellFormed()).isTrue();
        int at = 0;
        for (Snippet.Part part : s.parts()) {
            if (part.hit()) {
                assertThat(formulas.overlaps(at, at + part.text().length())).as("%s in %s", part.text(), passage).isFalse();
            }
            at += part.text().length();
        }
    }

    private static int dollars(String text) {
        return (int) text.chars().filter(c -> c == '$').count();
    }
}
