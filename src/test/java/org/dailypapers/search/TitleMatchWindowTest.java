package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The title match adds its bonus to the first {@link Bm25Retriever#TITLE_MATCH_WINDOW} papers by contents, the
 * same window at every limit, so the pages of one result list agree. Papers {@code p000}..{@code p149} repeat
 * the query's words once, in ever longer texts; {@code near} and {@code title} hold them in their titles only, and
 * rank about 50th and 120th by contents: inside the window and beyond it.
 */
class TitleMatchWindowTest {
    static final String QUERY = "sparse retrieval benchmark";
    static PaperIndex index;
    static Bm25Retriever bm25;

    @BeforeAll
    static void build() {
        index = PaperIndex.inMemory(VectorStorage.FLOAT32);
        for (int i = 0; i < 150; i++) { // each holds the query once; longer texts score lower
            index.upsert(SearchDocument.ofText(String.format("p%03d", i), "unrelated heading", QUERY + " word".repeat(i)), null);
        }
        // the query only in their titles: by contents they rank as p050 and p120 do, just after them
        index.upsert(SearchDocument.ofText("near", QUERY, " word".repeat(50 - 3)), null);
        index.upsert(SearchDocument.ofText("title", QUERY, " word".repeat(120 - 3)), null);
        index.commit();
        bm25 = new Bm25Retriever(index, Bm25Params.DEFAULT);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static List<String> ids(int limit) {
        return Fixture.ids(bm25.retrieve(SearchRequest.of(QUERY, limit)));
    }

    @Test
    void a_title_match_inside_the_window_rises_and_pages_agree_at_every_limit() {
        List<String> all = ids(160);
        assertThat(all).hasSize(152);
        assertThat(all.indexOf("near")).as("inside the window, its title lifts it to the top").isZero();
        assertThat(all.indexOf("title")).as("beyond the window: ranked by contents alone").isGreaterThan(Bm25Retriever.TITLE_MATCH_WINDOW);
        for (int limit : new int[] {10, 99, 100, 101, 120, 151}) {
            assertThat(ids(limit)).as("limit " + limit).isEqualTo(all.subList(0, limit));
        }
    }
}
