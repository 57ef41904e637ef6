package org.dailypapers.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.store.Database;
import org.dailypapers.store.DatabaseConfig;
import org.dailypapers.testing.SolrCloudProcess;
import org.dailypapers.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Nodes starting at the same moment on a cluster without the alias create one first collection between them, not
 * one each (a lease in the database): on PostgreSQL and the real cluster of {@link SolrCloudProcess}.
 */
class SolrFirstCollectionTest {

    private static final int NODES = 3;

    @Test
    void nodes_preparing_at_once_create_one_first_collection() throws Exception {
        TestPostgres.requireServer();
        String alias = "first_test_" + Long.toString(System.nanoTime(), 36);
        SolrConfig config = new SolrConfig(SolrCloudProcess.get().urls(), alias, SolrConfig.CONFIGSET, 2, 1,
                SolrConfig.of("http://x/solr").timeout());
        SolrHttp http = new SolrHttp(config.urls(), config.timeout());
        SolrCollections collections = new SolrCollections(http, config);
        collections.ensureConfigSet(); // the upload is not what races here
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        try (Database db = Database.open(new DatabaseConfig(TestPostgres.freshDatabase(), null, null, 8))) {
            PaperRepository papers = new PaperRepository(db, Clock.systemUTC());
            CyclicBarrier together = new CyclicBarrier(NODES);
            List<Future<Integer>> nodes = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                nodes.add(pool.submit(() -> {
                    try (SearchOutbox outbox = new SearchOutbox(db, papers, new SolrHttp(config.urls(), config.timeout()),
                            config, null, Clock.systemUTC())) {
                        together.await(30, TimeUnit.SECONDS);
                        int rounds = 1;
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                        while (!outbox.prepareCollection()) { // as the worker does each round
                            assertThat(System.nanoTime()).as("the alias exists within 90 s").isLessThan(deadline);
                            Thread.sleep(200);
                            rounds++;
                        }
                        return rounds;
                    }
                }));
            }
            List<Integer> rounds = new ArrayList<>();
            for (Future<Integer> node : nodes) {
                rounds.add(node.get(120, TimeUnit.SECONDS));
            }
            List<String> created = collections.collections().stream().filter(c -> c.startsWith(alias + "_")).toList();
            assertThat(created).as("one first collection, whichever node made it (rounds: " + rounds + ")").hasSize(1);
            assertThat(collections.aliasTarget(alias)).contains(created.get(0));
            assertThat(rounds).as("the others waited for it").anyMatch(r -> r > 1);
        } finally {
            pool.shutdownNow();
            collections.aliasTarget(alias).ifPresent(c -> collections.deleteAlias(alias));
            collections.collections().stream().filter(c -> c.startsWith(alias + "_")).forEach(collections::deleteCollection);
        }
    }
}
