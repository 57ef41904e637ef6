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
    }
}
