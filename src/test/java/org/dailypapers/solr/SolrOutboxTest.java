package org.dailypapers.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.Bm25Params;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.store.Database;
import org.dailypapers.store.DatabaseConfig;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.SolrCloudProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes reach Solr through the database's outbox: they wait there while the engine cannot be reached and arrive
 * when it can; a paper gone from the database goes from the engine; a reindex builds a new collection from the
 * database and switches the alias to it. On the real cluster of {@link SolrCloudProcess}, SQLite with the fixtures.
 */
class SolrOutboxTest {

    @TempDir
    Path dataDir;

    @Test
    void writes_wait_while_the_engine_is_down_and_arrive_when_it_is_back() throws Exception {
        try (Database db = fixtures()) {
            PaperRepository papers = new PaperRepository(db, java.time.Clock.systemUTC());
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
            SolrConfig config = SolrConfig.of(SolrCloudProcess.get().urls()).withAlias("outbox_test");
            int closedPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            SolrHttp down = new SolrHttp("http://127.0.0.1:" + closedPort + "/solr", Duration.ofSeconds(5));
            try (SearchOutbox whileDown = new SearchOutbox(db, papers, down, config, null, clock)) {
                whileDown.enqueue(ids(papers));
                assertThat(whileDown.pending()).isEqualTo(60);
                assertThat(whileDown.drainOnce()).isEqualTo(60);
                assertThat(whileDown.pending()).as("nothing is lost while the engine is down").isEqualTo(60);
                assertThat(whileDown.lastError("2608.19880")).get().asString().contains("cannot be reached");
                assertThat(whileDown.drainOnce()).as("a failed write waits before it is tried again").isZero();
            }

            SolrHttp up = new SolrHttp(config.urls(), config.timeout());
            SolrCollections collections = new SolrCollections(up, config);
            collections.ensureAlias();
            SolrPaperIndex index = new SolrPaperIndex(up, config.alias());
            index.upsert(List.of(new SolrPaperIndex.Entry(SearchDocument.ofText("2601.99999", "A ghost", "gone from the database"), null)));
            index.commit();
            try (SearchOutbox back = new SearchOutbox(db, papers, up, config, null, clock)) {
                back.enqueue(List.of("2601.99999"));
                clock.advance(Duration.ofSeconds(2));
                while (back.drainOnce() > 0) {
                    // until every due entry is written
                }
                assertThat(back.pending()).isZero();
                assertThat(index.count()).as("every paper of the database, the ghost gone").isEqualTo(60);
                assertThat(search(index, "\"Awakening Static Worlds\"")).containsExactly("2608.19880");
                assertThat(search(index, "ghost")).isEmpty();
            } finally {
                drop(collections, config.alias());
            }
        }
    }

    @Test
    void a_reindex_builds_a_new_collection_from_the_database_and_switches_the_alias() throws Exception {
        try (Database db = fixtures()) {
            PaperRepository papers = new PaperRepository(db, java.time.Clock.systemUTC());
            SolrConfig config = SolrConfig.of(SolrCloudProcess.get().urls()).withAlias("reindex_test");
            SolrHttp http = new SolrHttp(config.urls(), config.timeout());
            SolrCollections collections = new SolrCollections(http, config);
            String first = collections.ensureAlias();
            try (SearchOutbox outbox = new SearchOutbox(db, papers, http, config, null, java.time.Clock.systemUTC())) {
                outbox.enqueue(ids(papers));
                while (outbox.drainOnce() > 0) {
                    // the first collection gets every paper
                }
                SolrPaperIndex index = new SolrPaperIndex(http, config.alias());
                index.upsert(List.of(new SolrPaperIndex.Entry(SearchDocument.ofText("2601.99999", "A world model ghost", "stale"), null)));
                index.commit();
                List<String> before = search(index, "world model");
                assertThat(before).hasSizeGreaterThan(2).contains("2601.99999");

                SolrReindexer.Result result = new SolrReindexer(http, config, papers, outbox).reindex();

                assertThat(result.replaced()).isEqualTo(first);
                assertThat(result.papers()).isEqualTo(60);
                assertThat(collections.aliasTarget(config.alias())).contains(result.collection());
                assertThat(collections.aliasTarget(SolrReindexer.nextAlias(config.alias()))).isEmpty();
                assertThat(collections.collections()).contains(result.collection()).doesNotContain(first);
                assertThat(index.count()).as("what the database holds, the stale ghost gone").isEqualTo(60);
                assertThat(search(index, "world model")).as("the same papers, without the ghost")
                        .containsExactlyInAnyOrderElementsOf(before.stream().filter(id -> !id.equals("2601.99999")).toList());
            } finally {
                drop(collections, config.alias());
            }
        }
    }

    /** The 60 papers of the Hugging Face fixtures in a SQLite database (migrated, V13 included). */
    private Database fixtures() {
        try (TestInstance ignored = TestInstance.withFixtures(dataDir, "hf")) {
            // imported and closed
        }
        return Database.open(DatabaseConfig.sqliteIn(dataDir));
    }

    private static List<String> ids(PaperRepository papers) {
        List<String> ids = new ArrayList<>();
        papers.forEach(r -> ids.add(r.paper().id().value()));
        return ids;
    }

    private static List<String> search(SolrPaperIndex index, String query) {
        return new SolrBm25Retriever(index, Bm25Params.DEFAULT).retrieve(SearchRequest.of(query, 100)).stream()
                .map(ScoredPaper::id).toList();
    }

    private static void drop(SolrCollections collections, String alias) {
        collections.aliasTarget(alias).ifPresent(c -> {
            collections.deleteAlias(alias);
            collections.deleteCollection(c);
        });
    }
}
