package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArxivRawMapperTest {
    @Test
    void splits_arxiv_author_strings_into_names() {
        assertThat(ArxivRawMapper.authors("Joshua Berger, Maxim Perelstein, Michael Saelim and Philip Tanedo"))
                .containsExactly("Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo");
        assertThat(ArxivRawMapper.authors("D.V. Shetty, S.J. Yennello, and G.A. Souliotis"))
                .containsExactly("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis");
        assertThat(ArxivRawMapper.authors("A. One (MIT, Cambridge), B. Two (1 and 2) and\n  C. Three"))
                .containsExactly("A. One", "B. Two", "C. Three");
        assertThat(ArxivRawMapper.authors("Martin Luther King, Jr., Sandra Anderson & Ann Landers; Z. Zed"))
                .containsExactly("Martin Luther King, Jr.", "Sandra Anderson", "Ann Landers", "Z. Zed");
        assertThat(ArxivRawMapper.authors("ATLAS Collaboration")).containsExactly("ATLAS Collaboration");
        assertThat(ArxivRawMapper.authors("  ")).isEmpty();
        assertThat(ArxivRawMapper.authors(null)).isEmpty();
    }
}
