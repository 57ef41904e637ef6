package org.dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Features reserve migration numbers and land in any order: a database migrated past a gap still gets the gap. */
class MigrationOrderTest {
    @TempDir
    Path dir;

    @Test
    void a_database_at_v4_without_v2_gets_v2_when_it_opens() throws IOException {
        Path early = Files.createDirectories(dir.resolve("without-v2"));
        for (String name : new String[] {"V1__papers_and_feed.sql", "V3__community.sql", "V4__digests.sql"}) {
            try (InputStream in = Database.class.getResourceAsStream("/db/migration/common/" + name)) {
                Files.copy(in, early.resolve(name));
            }
        }
        DatabaseConfig config = DatabaseConfig.sqliteIn(dir);
        Flyway.configure().dataSource(config.url(), null, null).locations("filesystem:" + early).load().migrate();

        try (Database database = Database.open(config)) {
            int rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM harvest_state").mapTo(Integer.class).one());
            assertThat(rows).isZero();
            int applied = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success").mapTo(Integer.class).one());
            assertThat(applied).isEqualTo(4);
        }
    }
}
