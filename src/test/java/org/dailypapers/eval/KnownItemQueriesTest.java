package org.dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dailypapers.search.Fixture;
import org.dailypapers.search.SearchDocument;
import org.junit.jupiter.api.Test;

class KnownItemQueriesTest {

    private final List<SearchDocument> docs = Fixture.papers();

    @Test
    void the_same_seed_gives_the_same_queries_and_another_seed_others() {
        assertThat(KnownItemQueries.generate(docs, 40, 11)).isEqualTo(KnownItemQueries.generate(docs, 40, 11))
                .isNotEqualTo(KnownItemQueries.generate(docs, 40, 12));
    }

    @Test
    void queries_are_titles_changed_in_the_four_ways_in_turn() {
        List<KnownItemQueries.Query> qs = KnownItemQueries.generate(docs, 8, 11);
        assertThat(qs).extracting(KnownItemQueries.Query::kind)
                .containsExactly("drop2", "misspell+drop", "reorder", "prefix", "drop2", "misspell+drop", "reorder", "prefix");
        for (KnownItemQueries.Query q : qs) {
            String title = docs.stream().filter(d -> d.id().equals(q.target())).findFirst().orElseThrow().title();
            int words = title.split("\\s+").length;
            int left = q.text().split("\\s+").length;
            assertThat(q.text()).as(q.kind()).isNotEqualTo(title);
            switch (q.kind()) {
                case "drop2" -> assertThat(left).isEqualTo(words - 2);
                case "misspell+drop" -> assertThat(left).isEqualTo(words - 1);
                case "reorder" -> assertThat(List.of(q.text().split("\\s+"))).containsExactlyInAnyOrder(title.split("\\s+"));
                default -> assertThat(title).startsWith(q.text());
            }
        }
    }

    @Test
    void a_title_typed_from_memory_finds_its_paper_first_on_the_fixture() {
        var index = Fixture.index(null);
        var engine = new org.dailypapers.search.SearchEngine(index, null, org.dailypapers.search.SearchPipeline.named("bm25", null));
        KnownItemEval.Result r = KnownItemEval.run(engine, KnownItemQueries.generate(docs, 40, 11));
        assertThat(r.queries()).isEqualTo(40);
        assertThat(r.successAt1()).isEqualTo(1.0);
        assertThat(r.summary("bm25")).startsWith("method=bm25 Success@1=1.0000 (40/40) MRR@10=1.0000");
    }
}
