package org.dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.account.RateLimiter;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What several server nodes on one database share: rate limits and scheduled-run claims, on SQLite and on a real
 * PostgreSQL. Two "nodes" here are two components over the same database, as two processes would be.
 */
class SharedStateTest {
    @TempDir
    Path dir;

    private Database open(String kind) throws Exception {
        if (kind.equals("sqlite")) {
            return Database.open(DatabaseConfig.sqliteIn(dir));
        }
        TestPostgres.requireServer();
        return Database.open(new DatabaseConfig(TestPostgres.freshDatabase(), null, null, 16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_rate_limit_holds_across_nodes_and_slides_with_time(String kind) throws Exception {
        try (Database db = open(kind)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-08-21T10:00:00Z"));
            RateLimiter nodeA = new RateLimiter(db, "signin-address", 3, Duration.ofHours(1), clock);
            RateLimiter nodeB = new RateLimiter(db, "signin-address", 3, Duration.ofHours(1), clock);
            RateLimiter otherLimit = new RateLimiter(db, "digest-client", 3, Duration.ofHours(1), clock);

            assertThat(nodeA.tryAcquire("ada@example.org")).isTrue();
            assertThat(nodeB.tryAcquire("ada@example.org")).isTrue();
            clock.advance(Duration.ofMinutes(30));
            assertThat(nodeA.tryAcquire("ada@example.org")).isTrue();
            assertThat(nodeB.tryAcquire("ada@example.org")).as("the fourth in an hour, on either node").isFalse();
            assertThat(nodeA.tryAcquire("ada@example.org")).isFalse();
            assertThat(nodeB.tryAcquire("bob@example.org")).as("another key").isTrue();
            assertThat(otherLimit.tryAcquire("ada@example.org")).as("another limit").isTrue();

            clock.advance(Duration.ofMinutes(31)); // the first two left the window
            assertThat(nodeB.tryAcquire("ada@example.org")).isTrue();
            assertThat(nodeA.tryAcquire("ada@example.org")).isTrue();
            assertThat(nodeA.tryAcquire("ada@example.org")).isFalse();

            String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT key_hash FROM rate_event").mapTo(String.class).list()).toString();
            assertThat(stored).doesNotContain("ada").doesNotContain("example");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void concurrent_requests_on_two_nodes_never_pass_the_limit(String kind) throws Exception {
        try (Database db = open(kind)) {
            Clock clock = Clock.systemUTC();
            List<RateLimiter> nodes = List.of(new RateLimiter(db, "signin-client", 5, Duration.ofHours(1), clock),
                    new RateLimiter(db, "signin-client", 5, Duration.ofHours(1), clock));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> asks = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    RateLimiter node = nodes.get(i % 2);
                    asks.add(pool.submit(() -> {
                        go.await();
                        return node.tryAcquire("192.0.2.7");
                    }));
                }
                go.countDown();
                int allowed = 0;
                for (Future<Boolean> ask : asks) {
                    allowed += ask.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(allowed).isEqualTo(5);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_scheduled_run_happens_once_whichever_nodes_ask(String kind) throws Exception {
        try (Database db = open(kind);
                RunClaims a = new RunClaims(db, "node-a", Clock.systemUTC(), Duration.ofSeconds(2));
                RunClaims b = new RunClaims(db, "node-b", Clock.systemUTC(), Duration.ofSeconds(2))) {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch aRunning = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> onA = pool.submit(() -> a.runOnce("harvest", "2026-08-21T10:00:00Z", () -> {
                    runs.incrementAndGet();
                    aRunning.countDown();
                    await(release);
                }, () -> false));
                assertThat(aRunning.await(30, TimeUnit.SECONDS)).isTrue();
                // B waits while A runs and keeps its claim alive (A's run outlasts the ttl: its heartbeat holds it)
                Future<Boolean> onB = pool.submit(() -> b.runOnce("harvest", "2026-08-21T10:00:00Z", runs::incrementAndGet, () -> false));
                Thread.sleep(3_000);
                assertThat(onB.isDone()).as("B waits for A").isFalse();
                release.countDown();
                assertThat(onA.get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(onB.get(30, TimeUnit.SECONDS)).as("B did not run it").isFalse();
                assertThat(runs).hasValue(1);
                assertThat(b.finished("harvest", "2026-08-21T10:00:00Z")).isTrue();
                // the next slot is a new run: whoever asks first has it
                assertThat(b.runOnce("harvest", "2026-08-22T10:00:00Z", runs::incrementAndGet, () -> false)).isTrue();
                assertThat(a.runOnce("harvest", "2026-08-22T10:00:00Z", runs::incrementAndGet, () -> false)).isFalse();
                assertThat(runs).hasValue(2);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_run_whose_node_died_is_taken_over_after_the_ttl(String kind) throws Exception {
        try (Database db = open(kind);
                RunClaims dead = new RunClaims(db, "node-killed", Clock.systemUTC(), Duration.ofMillis(800));
                RunClaims survivor = new RunClaims(db, "node-b", Clock.systemUTC(), Duration.ofMillis(800))) {
            // the killed node claimed the run and then stopped beating (SIGKILL leaves its row as it was)
            assertThat(dead.claim("digest", "2026-08-21T23:00:00Z")).isTrue();
            assertThat(survivor.claim("digest", "2026-08-21T23:00:00Z")).as("while its heartbeat is fresh").isFalse();
            long started = System.nanoTime();
            AtomicInteger runs = new AtomicInteger();
            assertThat(survivor.runOnce("digest", "2026-08-21T23:00:00Z", runs::incrementAndGet, () -> false)).isTrue();
            assertThat(runs).hasValue(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
            assertThat(dead.claim("digest", "2026-08-21T23:00:00Z")).as("finished: nobody runs it again").isFalse();
        }
    }

    @Test
    void on_postgresql_a_change_reaches_every_other_node_and_not_its_sender() throws Exception {
        TestPostgres.requireServer();
        try (Database db = open("postgresql")) {
            List<ChangeBus.Change> atA = new CopyOnWriteArrayList<>();
            List<ChangeBus.Change> atB = new CopyOnWriteArrayList<>();
            try (ChangeBus a = ChangeBus.open(db, atA::add); ChangeBus b = ChangeBus.open(db, atB::add)) {
                Thread.sleep(500); // both listening
                List<String> many = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    many.add(String.format("2608.%05d", i));
                }
                a.publish(ChangeBus.Change.feed());
                a.publish(new ChangeBus.Change(ChangeBus.Kind.PAPERS, many));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (atB.stream().mapToInt(c -> c.ids().size()).sum() < 2_000 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(atB.get(0).kind()).isEqualTo(ChangeBus.Kind.FEED);
                assertThat(atB.stream().skip(1).flatMap(c -> c.ids().stream()).toList()).isEqualTo(many);
                assertThat(atB.size()).as("2,000 ids do not fit in one notice").isGreaterThan(2);
                assertThat(atA).as("a node does not hear itself").isEmpty();
            }
        }
    }

    @Test
    void notices_are_split_below_postgresql_payload_limit_and_parsed_back() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ids.add("math/" + String.format("%07d", i));
        }
        List<String> payloads = PostgresChangeBus.payloads("n1", new ChangeBus.Change(ChangeBus.Kind.PAPERS, ids));
        assertThat(payloads).allSatisfy(p -> assertThat(p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(8_000));
        assertThat(payloads.stream().map(p -> PostgresChangeBus.parse("n2", p)).flatMap(c -> c.ids().stream()).toList()).isEqualTo(ids);
        assertThat(PostgresChangeBus.parse("n1", payloads.get(0))).as("its own").isNull();
        assertThat(PostgresChangeBus.parse("n2", "n1 SOMETHING_NEW ")).as("a kind from a newer node").isNull();
        assertThat(PostgresChangeBus.parse("n2", "n1 FEED ")).isEqualTo(ChangeBus.Change.feed());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
