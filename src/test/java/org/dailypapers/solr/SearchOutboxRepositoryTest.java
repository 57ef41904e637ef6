package org.dailypapers.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dailypapers.store.Database;
import org.dailypapers.store.DatabaseConfig;
import org.dailypapers.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's SQL on SQLite and on PostgreSQL (when the test server runs): a paper is pending once however often
 * it is written, a drain that read an older generation leaves the newer one, failures wait until their retry time.
 */
class SearchOutboxRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void on_sqlite() {
        try (Database db = Database.open(DatabaseConfig.sqliteIn(dir))) {
            check(new SearchOutboxRepository(db));
        }
    }

    @Test
    void on_postgresql() throws Exception {
        TestPostgres.requireServer();
        try (Database db = Database.open(new DatabaseConfig(TestPostgres.freshDatabase(), null, null, 2))) {
            check(new SearchOutboxRepository(db));
        }
    }

    @Test
    void nodes_claiming_at_once_take_different_entries_and_a_dead_nodes_claim_expires() throws Exception {
        TestPostgres.requireServer();
        try (Database db = Database.open(new DatabaseConfig(TestPostgres.freshDatabase(), null, null, 8))) {
            SearchOutboxRepository outbox = new SearchOutboxRepository(db);
            List<String> ids = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> String.format("2401.%05d", i)).toList();
            outbox.enqueue(ids, 1000);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<List<String>>> nodes = new java.util.ArrayList<>();
                for (int n = 0; n < 4; n++) {
                    nodes.add(pool.submit(() -> {
                        List<String> mine = new java.util.ArrayList<>();
                        for (List<SearchOutboxRepository.Pending> got; !(got = outbox.claim(2000, 50, 62_000)).isEmpty(); ) {
                            got.forEach(p -> mine.add(p.paperId()));
                        }
                        return mine;
                    }));
                }
                List<String> taken = new java.util.ArrayList<>();
                for (var node : nodes) {
                    taken.addAll(node.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(taken).as("each entry taken by exactly one node").hasSize(1000).doesNotHaveDuplicates();
            } finally {
                pool.shutdownNow();
            }
            assertThat(outbox.claim(61_999, 10, 200_000)).as("while the claims hold").isEmpty();
            assertThat(outbox.claim(62_000, 2000, 200_000)).as("the claimants died: others take over").hasSize(1000);
        }
    }

    private static void check(SearchOutboxRepository outbox) {
        outbox.enqueue(List.of("2401.00001", "2401.00002"), 1000);
        List<SearchOutboxRepository.Pending> read = outbox.due(1000, 10);
        assertThat(read).extracting(SearchOutboxRepository.Pending::paperId).containsExactly("2401.00001", "2401.00002");
        outbox.enqueue(List.of("2401.00001"), 1500); // written again while a worker holds the first read
        assertThat(outbox.pending()).isEqualTo(2);
        outbox.done(read);
        assertThat(outbox.due(2000, 10)).as("the newer write of 2401.00001 stays")
                .containsExactly(new SearchOutboxRepository.Pending("2401.00001", 1, 0));
        outbox.failed(outbox.due(2000, 10), 9000, "Solr node cannot be reached");
        assertThat(outbox.due(8999, 10)).isEmpty();
        assertThat(outbox.due(9000, 10)).containsExactly(new SearchOutboxRepository.Pending("2401.00001", 1, 1));
        assertThat(outbox.lastError("2401.00001")).contains("Solr node cannot be reached");
        assertThat(outbox.claim(9000, 10, 70_000)).containsExactly(new SearchOutboxRepository.Pending("2401.00001", 1, 1));
        assertThat(outbox.claim(9000, 10, 70_000)).as("claimed: not due again").isEmpty();
        outbox.enqueue(List.of("2401.00001"), 9500); // written again while claimed: due at once, a newer generation
        assertThat(outbox.claim(9500, 10, 70_000)).containsExactly(new SearchOutboxRepository.Pending("2401.00001", 2, 0));
    }
}
