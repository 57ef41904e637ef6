package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.ArxivId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is derived from the database: imports reach it, and it catches up after a crash. */
class SearchIndexSyncTest {
    @TempDir
    Path dataDir;

    @Test
    void every_import_reaches_the_index_without_duplicates() {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf")) {
            PaperSearch search = instance.app().search();
            assertThat(search.status().indexed()).isEqualTo(60);
            instance.importFixtures("hf", "listings.jsonl.gz");
            assertThat(search.status().indexed()).isEqualTo(instance.app().papers().count()).isEqualTo(60 + 12);
            assertThat(search.search(SearchRequest.of("\"Awakening Static Worlds\"", 10)))
                    .extracting(ScoredPaper::id).containsExactly("2608.19880");
            // The listing renamed 2608.19880: the index holds the new title only.
            assertThat(search.search(SearchRequest.of("title:v2", 10))).extracting(ScoredPaper::id).contains("2608.19880");
        }
    }

    @Test
    void after_a_crash_the_index_catches_up_from_the_database() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf")) {
            assertThat(instance.app().search().status().indexed()).isEqualTo(60);
        }
        // Simulate an index that missed writes: remove a paper and the index of another day entirely.
        try (PaperIndex index = PaperIndex.open(dataDir.resolve("index"), VectorStorage.FLOAT32)) {
            index.delete("2608.19880");
            index.upsert(SearchDocument.ofText("2601.99999", "A paper the database never had", "ghost"), null);
            index.commit();
        }
        try (TestInstance instance = TestInstance.withFixtures(dataDir)) {
            PaperSearch.CatchUp caughtUp = instance.app().search().catchUp(java.util.Map.of());
            assertThat(caughtUp).isEqualTo(new PaperSearch.CatchUp(1, 0, 1));
            assertThat(instance.app().search().status().indexed()).isEqualTo(60);
            assertThat(instance.app().search().search(SearchRequest.of("ghost", 10))).isEmpty();
            assertThat(instance.app().search().catchUp(java.util.Map.of())).isEqualTo(new PaperSearch.CatchUp(0, 0, 0));
        }
    }

    @Test
    void a_clean_stop_lets_the_next_start_skip_comparing_every_paper() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf")) {
            assertThat(instance.app().search().inStepWithDatabase()).as("an empty database and index agree").isTrue();
            assertThat(inStepMarker()).as("while the index is open a crash must leave none").doesNotExist();
        }
        assertThat(inStepMarker()).exists();
        try (TestInstance instance = TestInstance.withFixtures(dataDir)) {
            assertThat(instance.app().search().inStepWithDatabase()).isTrue();
            assertThat(inStepMarker()).doesNotExist();
        }
        // A marker of a release that made documents differently does not count.
        java.nio.file.Files.writeString(inStepMarker(), "format=0 probe=0\n");
        try (TestInstance instance = TestInstance.withFixtures(dataDir)) {
            assertThat(instance.app().search().inStepWithDatabase()).isFalse();
            instance.app().search().catchUp(java.util.Map.of());
        }
        // An unreadable marker (here a directory in its place) is no reason to refuse to start: compare instead.
        java.nio.file.Files.delete(inStepMarker()); // the one the last clean stop wrote
        java.nio.file.Files.createDirectory(inStepMarker());
        try (TestInstance instance = TestInstance.withFixtures(dataDir)) {
            assertThat(instance.app().search().inStepWithDatabase()).isFalse();
            assertThat(inStepMarker()).doesNotExist();
            instance.app().search().catchUp(java.util.Map.of());
        }
        assertThat(inStepMarker()).isRegularFile();
        // An import cut short leaves its own marker: the database may hold papers the index lacks.
        java.nio.file.Files.writeString(dataDir.resolve(org.dailypapers.App.IMPORT_MARKER), "1");
        try (TestInstance instance = TestInstance.withFixtures(dataDir)) {
            assertThat(instance.app().search().inStepWithDatabase()).isFalse();
        }
    }

    @Test
    void a_start_after_a_crash_compares_every_paper_in_the_background() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf")) {
            assertThat(instance.app().search().indexedCount()).isEqualTo(60);
        }
        // An older release's server, which does not know the marker, killed after saving a paper but before
        // indexing it: the index is one paper short, and its commits invalidate the marker left before.
        assertThat(inStepMarker()).exists();
        try (PaperIndex index = PaperIndex.open(dataDir.resolve("index"), VectorStorage.FLOAT32)) {
            index.delete("2608.19880");
            index.commit();
        }
        try (TestInstance instance = TestInstance.withEnv(dataDir, java.util.Map.of("DAILYPAPERS_EMBED", "false"))) {
            PaperSearch search = instance.app().search();
            assertThat(search.inStepWithDatabase()).isFalse();
            search.startBackground();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!search.inStepWithDatabase() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(search.inStepWithDatabase()).isTrue();
            assertThat(search.indexedCount()).isEqualTo(60);
        }
        assertThat(inStepMarker()).exists();
    }

    @Test
    void close_waits_for_a_database_write_in_flight_so_the_clean_stop_it_records_is_true() throws Exception {
        TestInstance instance = TestInstance.withFixtures(dataDir, "hf");
        PaperSearch search = instance.app().search();
        Runnable leave = search.enterWrite(); // a harvest's batch, begun before the stop
        Thread stop = Thread.ofPlatform().start(instance::close);
        awaitClosing(search);
        assertThat(stop.isAlive()).as("close waits for the write").isTrue();
        assertThatThrownBy(search::enterWrite).as("no write starts once close has begun")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closing");
        assertThatThrownBy(() -> instance.app().importer().importPaths(
                java.util.List.of(TestInstance.fixture("hf/2026-08-21.json")), org.dailypapers.ingest.ImportProgress.NONE))
                .as("the app's importer is fenced: a harvest starting now saves nothing")
                .hasMessageContaining("closing");
        assertThat(instance.app().papers().count()).isEqualTo(60);
        // The write goes on: 12 papers into the database, then into the index.
        new org.dailypapers.ingest.PaperImporter(instance.app().papers(),
                saved -> search.indexed(saved.stream().map(r -> r.paper().id()).toList()))
                .importPaths(java.util.List.of(TestInstance.fixture("listings.jsonl.gz")),
                        org.dailypapers.ingest.ImportProgress.NONE);
        leave.run();
        stop.join(60_000);

        assertThat(stop.isAlive()).isFalse();
        assertThat(inStepMarker()).as("the stop was clean: every saved paper is indexed").exists();
        try (TestInstance again = TestInstance.withFixtures(dataDir)) {
            assertThat(again.app().search().inStepWithDatabase()).isTrue();
            assertThat(again.app().search().indexedCount()).isEqualTo(again.app().papers().count()).isEqualTo(72);
        }
    }

    @Test
    void a_database_write_still_running_when_close_stops_waiting_leaves_no_clean_stop() throws Exception {
        TestInstance instance = TestInstance.withFixtures(dataDir, "hf");
        instance.app().search().waitAtCloseForWrites(java.time.Duration.ofMillis(200));
        Runnable leave = instance.app().search().enterWrite(); // never ends before close gives up

        instance.close();

        assertThat(inStepMarker()).doesNotExist();
        leave.run();
        try (TestInstance again = TestInstance.withFixtures(dataDir)) {
            assertThat(again.app().search().inStepWithDatabase()).as("the next start compares").isFalse();
        }
    }

    @Test
    void a_database_replaced_while_the_server_was_stopped_is_compared_with_the_index(@TempDir Path elsewhere) throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf/2026-08-21.json")) {
            assertThat(instance.app().search().indexedCount()).isEqualTo(17);
        }
        Path backup = elsewhere.resolve("backup.db");
        java.nio.file.Files.copy(dataDir.resolve("papers.db"), backup); // a backup of the stopped instance
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf")) {
            assertThat(instance.app().search().indexedCount()).isEqualTo(60);
        }
        assertThat(inStepMarker()).exists();
        // Restored while the server was stopped: the index holds 43 papers this database never had.
        for (String leftover : java.util.List.of("papers.db-wal", "papers.db-shm")) {
            java.nio.file.Files.deleteIfExists(dataDir.resolve(leftover));
        }
        java.nio.file.Files.copy(backup, dataDir.resolve("papers.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (TestInstance instance = TestInstance.withFixtures(dataDir)) {
            PaperSearch search = instance.app().search();
            assertThat(search.inStepWithDatabase()).as("the marker was written with another database").isFalse();
            assertThat(search.catchUp(java.util.Map.of()).removed()).isEqualTo(43);
            assertThat(search.indexedCount()).isEqualTo(17);
        }
    }

    /** Waits until close has begun: a write can no longer start. */
    private static void awaitClosing(PaperSearch search) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                search.enterWrite().run();
            } catch (IllegalStateException closing) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("close did not begin within 30 s");
    }

    private Path inStepMarker() {
        return dataDir.resolve("index").resolve(IndexInStepMarker.FILE);
    }

    @Test
    void vectors_of_another_model_are_never_mixed_in() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf/2026-08-21.json")) {
            assertThat(instance.app().search().status().indexed()).isEqualTo(17);
        }
        // Pretend the vectors were made by another model: the index must be emptied and rebuilt.
        java.nio.file.Files.writeString(dataDir.resolve("index").resolve(PaperSearch.MODEL_MARKER), "some-other-model\n");
        try (TestInstance instance = TestInstance.withFixtures(dataDir)) {
            assertThat(instance.app().search().status().indexed()).isZero();
            assertThat(instance.app().search().inStepWithDatabase()).as("the emptied index is behind").isFalse();
            assertThat(instance.app().search().catchUp(java.util.Map.of()).added()).isEqualTo(17);
        }
        assertThat(java.nio.file.Files.readString(dataDir.resolve("index").resolve(PaperSearch.MODEL_MARKER)).strip())
                .isEqualTo("bge-small-en-v1.5-q");
    }

    @Test
    void reindex_rebuilds_from_the_database() {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf")) {
            PaperSearch.CatchUp result = instance.app().search().reindex();
            assertThat(result.added()).isEqualTo(60);
            assertThat(instance.app().search().status().indexed()).isEqualTo(60);
            assertThat(instance.app().search().similar(ArxivId.parse("2608.19880").orElseThrow(), 3)).isEmpty();
        }
    }
}
