package org.dailypapers.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {
    @ParameterizedTest
    @CsvSource({
        "2406.09414, 2406.09414",
        "2406.09414v2, 2406.09414",
        "0704.0001, 0704.0001",
        "1501.00001v12, 1501.00001",
        "math/0211159, math/0211159",
        "math/0211159v1, math/0211159",
        "math.GT/0309136, math/0309136",
        "hep-th/9901001v3, hep-th/9901001",
        "Cond-Mat/0102536, cond-mat/0102536",
    })
    void parses_new_and_old_style_ids_and_drops_versions(String text, String canonical) {
        assertThat(ArxivId.parse(text)).map(ArxivId::value).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "2406.094", "2406.094145", "2406.09414v", "abc", "math/021115",
        "../etc/passwd", "2406.09414 ", "<script>", "2406.09414v2v3", "m/0211159"})
    void rejects_what_is_not_an_id(String text) {
        assertThat(ArxivId.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "https://arxiv.org/abs/2406.09414v2, 2406.09414",
        "https://arxiv.org/pdf/2406.09414.pdf, 2406.09414",
        "arxiv.org/abs/math/0211159, math/0211159",
        "https://huggingface.co/papers/2406.09414, 2406.09414",
        "arXiv:2406.09414, 2406.09414",
    })
    void parses_links_loosely(String text, String canonical) {
        assertThat(ArxivId.parseLoose(text)).map(ArxivId::value).contains(canonical);
    }

    @Test
    void constructor_accepts_only_canonical_ids() {
        assertThatThrownBy(() -> new ArxivId("2406.09414v2")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ArxivId("math/0211159").isNewStyle()).isFalse();
        assertThat(new ArxivId("2406.09414").pdfUrl()).isEqualTo("https://arxiv.org/pdf/2406.09414");
    }
}
