package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.ReplayServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harvest state on PostgreSQL (migration V6 and its upsert): a harvest broken mid-list resumes there, as on
 * SQLite. Runs when ./run-tests has started a server (DAILYPAPERS_TEST_PG_URL), as PostgresTest does.
 */
class HarvestPostgresTest {
    @TempDir
    Path dataDir;

    @BeforeAll
    static void requireServer() {
        TestPostgres.requireServer();
    }


    @Test
    void on_postgres_a_broken_harvest_resumes_where_it_stopped() throws Exception {
        try (ReplayServer arxiv = ReplayServer.start();
                TestInstance instance = TestInstance.withEnv(dataDir, Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase(),
                        "DAILYPAPERS_HARVEST_ARXIV_BASE_URL", arxiv.url("/oai2").toString(), "DAILYPAPERS_HARVEST_DELAY", "0"))) {
            arxiv.when(r -> r.query().contains("from=2014-10-01"), ArxivOaiSourceTest.xml("page-1.xml"))
                    .when(r -> r.query().contains(ArxivOaiSourceTest.TOKEN_1),
                            ArxivOaiSourceTest.xml("page-2.xml").droppedAfter(1500), ArxivOaiSourceTest.xml("page-2.xml"))
                    .when(r -> r.query().contains(ArxivOaiSourceTest.TOKEN_2), ArxivOaiSourceTest.xml("page-3.xml"));
            Harvester harvester = instance.app().harvester();

            HarvestReport first = harvester.arxiv(LocalDate.of(2014, 10, 1), null, HarvestProgress.NONE);
            assertThat(first.completed()).isFalse();
            assertThat(harvester.states().find("arxiv-oai:cs").resumptionToken()).isEqualTo("726959|1001");

            HarvestReport second = harvester.arxiv(null, null, HarvestProgress.NONE);
            assertThat(second.completed()).isTrue();
            assertThat(second.records().created()).isEqualTo(4);
            assertThat(instance.app().papers().count()).isEqualTo(6);
            assertThat(harvester.states().find("arxiv-oai:cs").nextFrom()).isEqualTo(LocalDate.of(2015, 1, 6));
            assertThat(harvester.states().find("arxiv-oai:cs").inProgress()).isFalse();
        }
    }
}
