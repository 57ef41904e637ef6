package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddableTextTest {

    @Test
    void ordinary_text_is_returned_unchanged() {
        String text = "Attention Is All You Need:\ttransformers, «naïve» Bayes, 日本語 and 🙂\n";
        assertThat(EmbeddableText.clean(text)).isSameAs(text);
    }

    @Test
    void format_characters_are_removed_and_other_unusable_ones_become_spaces() {
        assertThat(EmbeddableText.clean("trans\u200Bfor\u00ADmer\uFEFF")).isEqualTo("transformer");
        assertThat(EmbeddableText.clean("a\u0000b\u007Fc\u00A0d\uFFFDe\uD800f\u2028g\uE000h")).isEqualTo("a b c d e f g h");
    }

    @Test
    void only_a_letter_or_a_digit_is_content() {
        assertThat(EmbeddableText.hasContent("x")).isTrue();
        assertThat(EmbeddableText.hasContent("- 7 -")).isTrue();
        assertThat(EmbeddableText.hasContent("\u00E9")).isTrue();
        assertThat(EmbeddableText.hasContent("\uD835\uDC00")).isTrue(); // a mathematical bold A, outside the BMP
        for (String none : new String[] {"", " ", "\u0000", "\u0301", "\u200B", "\uFEFF", "\uFFFD", "-", "((( :", "🙂"}) {
            assertThat(EmbeddableText.hasContent(EmbeddableText.clean(none))).as(none).isFalse();
        }
    }
}
