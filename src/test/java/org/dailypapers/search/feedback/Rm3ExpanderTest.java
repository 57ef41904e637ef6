package org.dailypapers.search.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.dailypapers.search.Bm25Params;
import org.dailypapers.search.Bm25Retriever;
import org.dailypapers.search.Fixture;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.Rm3Params;
import org.dailypapers.search.SearchRequest;
import org.junit.jupiter.api.Test;

class Rm3ExpanderTest {

    @Test
    void rm3_adds_feedback_terms_from_top_documents() throws IOException {
        try (PaperIndex index = Fixture.index(null)) {
            Bm25Retriever bm25 = new Bm25Retriever(index, Bm25Params.DEFAULT);
            Rm3Expander rm3 = new Rm3Expander(bm25, index, new Rm3Params(2, 5, 0.5));
            String q = "graph attention";
            Map<String, Float> expanded = rm3.expandedQuery(q, bm25.retrieve(SearchRequest.of(q, 10)));
            assertThat(expanded).containsKeys("graph", "attent");
            assertThat(expanded.keySet()).containsAll(GOLDEN_TERMS);
            assertThat(expanded.values().stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-5));
            assertThat(Fixture.ids(rm3.retrieve(SearchRequest.of(q, 5)))).containsExactly(GOLDEN_RANKING);
            assertThat(rm3.tag()).isEqualTo("bm25(k1=0.9,b=0.4,title=0,authors=0.5)+titleMatch(share=0.7,w=1,all=1000,window=100)+rm3(fbTerms=5,fbDocs=2,w=0.5)");
        }
    }

    static final java.util.List<String> GOLDEN_TERMS = java.util.List.of("node", "citat", "matrix");
    static final String[] GOLDEN_RANKING = {"2401.00013", "2401.00014", "2401.00024", "2401.00001", "2401.00009"};
}
