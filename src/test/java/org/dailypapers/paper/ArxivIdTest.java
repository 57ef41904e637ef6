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

    @ParameterizedTest
    @CsvSource({
        "2612.00001, ''",
        "2406.09414, ''",
        "0704.0001, ''",
        "1412.9999, ''",
        "math/0211159, ''",
        "hep-th/9108001, ''",
        "cs/0703999, ''",
        "2613.00001, there is no month 13",
        "2600.00001, there is no month 00",
        "2699.99999, there is no month 99",
        "2701.00001, January 2027 which has not come yet",
        "2406.00000, arXiv numbers papers from 1",
        "0612.0001, ids of this form start in April 2007",
        "1501.0001, ids since 2015 have five digits",
        "1412.00001, ids before 2015 have four digits",
        "math/9107001, were used from August 1991 to March 2007",
        "math/0704001, were used from August 1991 to March 2007",
    })
    void ids_that_cannot_exist_by_a_month_are_told_apart(String id, String why) {
        var reason = ArxivId.parse(id).orElseThrow().impossibleAt(java.time.YearMonth.of(2026, 12));
        if (why.isEmpty()) {
            assertThat(reason).as(id).isEmpty();
        } else {
            assertThat(reason).as(id).hasValueSatisfying(r -> assertThat(r.replace(",", "")).contains(why));
        }
    }
}
