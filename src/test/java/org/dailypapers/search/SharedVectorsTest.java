package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import org.dailypapers.ingest.ImportProgress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.store.Database;
import org.dailypapers.store.DatabaseConfig;
import org.dailypapers.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes on one PostgreSQL database encode each paper once: a node takes the vectors another stored, and never
 * encodes what another node is encoding (unless that node went quiet).
 */
class SharedVectorsTest {
    private static final Path DAY = Path.of("examples/hf-daily-papers/2026-08-21.json");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireServer() {
        TestPostgres.requireServer();
    }

    @Test
    void a_node_takes_the_vectors_another_node_stored_instead_of_encoding_them() throws Exception {
        String db = TestPostgres.freshDatabase();
        try (App a = App.open(config(db, dir.resolve("a")), Clock.systemUTC());
                App b = App.open(config(db, dir.resolve("b")), Clock.systemUTC())) {
            a.importer().importPaths(List.of(DAY), ImportProgress.NONE);
            // A gets vectors from elsewhere (as the demo's shipped ones): they are shared, B encodes nothing.
            Map<String, float[]> shipped = new HashMap<>();
            Random random = new Random(7);
            a.papers().forEach(r -> shipped.put(r.paper().id().value(), UnitVectors.random(random, 384)));
            a.search().catchUp(shipped);
            assertThat(a.search().status().withoutVector()).isZero();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((b.search().status().indexed() < 17 || b.search().status().withoutVector() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(b.search().status().indexed()).as("B indexed what A imported").isEqualTo(17);
            assertThat(b.search().status().withoutVector()).as("B took A's vectors").isZero();
            ArxivId paper = ArxivId.parse("2608.19880").orElseThrow();
            assertThat(b.search().similar(paper, 3)).extracting(ScoredPaper::id)
                    .isEqualTo(a.search().similar(paper, 3).stream().map(ScoredPaper::id).toList());
        }
    }

    @Test
    void what_one_node_encodes_no_other_node_encodes_until_its_claim_goes_stale() throws Exception {
        try (Database db = Database.open(new DatabaseConfig(TestPostgres.freshDatabase(), null, null, 4))) {
            AtomicInteger told = new AtomicInteger();
            SharedVectorRepository a = new SharedVectorRepository(db, "node-a", Clock.systemUTC(), told::incrementAndGet);
            SharedVectorRepository b = new SharedVectorRepository(db, "node-b", Clock.systemUTC(), told::incrementAndGet);
            List<SearchDocument> docs = List.of(SearchDocument.ofText("2608.00001", "One", "first text"),
                    SearchDocument.ofText("2608.00002", "Two", "second text"));
            String model = "bge-small-en-v1.5-q";

            assertThat(a.claim(model, docs)).isEqualTo(docs);
            assertThat(b.claim(model, docs)).as("A is encoding them").isEmpty();
            assertThat(a.claim(model, docs)).as("A may resume its own claims").isEqualTo(docs);
            float[] v = UnitVectors.random(new Random(1), 384);
            a.save(model, docs.subList(0, 1), List.of(v));
            assertThat(told).hasValue(1);
            assertThat(b.find(model, docs)).containsOnlyKeys("2608.00001");
            assertThat(b.find(model, docs).get("2608.00001")).containsExactly(v);
            assertThat(b.claim(model, docs)).as("one done, one still A's").isEmpty();

            db.jdbi().useHandle(h -> h.execute("UPDATE paper_vector SET claimed_at = 0 WHERE vector IS NULL")); // A went quiet
            assertThat(b.claim(model, docs)).extracting(SearchDocument::id).containsExactly("2608.00002");

            SearchDocument edited = SearchDocument.ofText("2608.00001", "One", "its text changed");
            assertThat(b.find(model, List.of(edited))).as("a vector of the old text").isEmpty();
            assertThat(b.claim(model, List.of(edited))).containsExactly(edited);
        }
    }

    private static AppConfig config(String db, Path data) {
        return AppConfig.resolve(Map.of("DAILYPAPERS_DEMO", "false", "DAILYPAPERS_EMBED", "false", "DAILYPAPERS_DB_URL", db,
                "DAILYPAPERS_HARVEST_ENABLED", "false"), data, null);
    }
}
