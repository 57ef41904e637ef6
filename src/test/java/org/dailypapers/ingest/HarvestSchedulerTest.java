package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.store.Database;
import org.dailypapers.store.HarvestState;
import org.dailypapers.store.HarvestStateRepository;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.ReplayServer;
import org.dailypapers.testing.ReplayServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvestSchedulerTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dataDir;

    @Test
    void the_next_run_is_the_next_time_of_day_in_the_zone() {
        assertThat(HarvestScheduler.nextRun(Instant.parse("2026-11-27T04:00:00Z"), LocalTime.of(6, 0), PARIS))
                .isEqualTo(ZonedDateTime.parse("2026-11-27T06:00+01:00[Europe/Paris]"));
        assertThat(HarvestScheduler.nextRun(Instant.parse("2026-11-27T05:00:00Z"), LocalTime.of(6, 0), PARIS))
                .isEqualTo(ZonedDateTime.parse("2026-11-28T06:00+01:00[Europe/Paris]"));
        // Across the spring change: 02:30 does not exist on 2026-03-29 in Paris; it runs an hour later.
        assertThat(HarvestScheduler.nextRun(Instant.parse("2026-03-28T12:00:00Z"), LocalTime.of(2, 30), PARIS).toInstant())
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(HarvestScheduler.nextRun(Instant.parse("2026-03-29T12:00:00Z"), LocalTime.of(2, 30), PARIS).toInstant())
                .isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void serve_harvests_nothing_when_turned_off() {
        try (TestInstance instance = TestInstance.withEnv(dataDir, Map.of("DAILYPAPERS_HARVEST_ENABLED", "false"))) {
            assertThat(instance.app().startHarvestSchedule()).isFalse();
        }
    }

    /** Replayed arXiv (2 papers) and Hugging Face (17 papers on 2026-08-21) sources, and an instance harvesting them. */
    private record World(ReplayServer remote, TestInstance instance) implements AutoCloseable {
        static World start(Path dataDir) {
            ReplayServer remote = ReplayServer.start();
            remote.when(r -> r.path().equals("/oai2"), Reply.file(TestInstance.fixture("arxiv-oai/page-3.xml"), "text/xml"))
                    .when(r -> r.path().equals("/api/daily_papers") && r.query().contains("date=2026-08-21"),
                            Reply.file(TestInstance.fixture("hf/2026-08-21.json"), "application/json"))
                    .when(r -> r.path().equals("/api/daily_papers"), Reply.ok("[]", "application/json"));
            return new World(remote, TestInstance.withEnv(dataDir, Map.of(
                    "DAILYPAPERS_HARVEST_ARXIV_BASE_URL", remote.url("/oai2").toString(),
                    "DAILYPAPERS_HARVEST_HF_BASE_URL", remote.url("").toString(),
                    "DAILYPAPERS_HARVEST_HF_DELAY", "0", "DAILYPAPERS_HARVEST_DELAY", "0")));
        }

        /** A harvester whose clock reads {@code now}, moving on from there. */
        Harvester harvester(Instant now) {
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now));
            return instance.app().harvester().with(instance.app().config().harvest(), null, 100, clock);
        }

        /** Waits up to 20 s for a scheduler's run to bring in both sources' papers. */
        long papersAfterARun(HarvestScheduler scheduler) throws InterruptedException {
            try (scheduler) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (instance.app().papers().count() < 2 + 17 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            return instance.app().papers().count();
        }

        @Override
        public void close() {
            instance.close();
            remote.close();
        }
    }

    @Test
    void at_the_configured_time_both_sources_are_harvested() throws Exception {
        try (World world = World.start(dataDir)) {
            // The Hugging Face run without --from goes back a week from "today": make today 2026-08-24 in New York,
            // half a second before the configured time.
            Instant fire = Instant.parse("2026-08-24T06:00:00Z");
            Harvester harvester = world.harvester(fire.minusMillis(500));
            // both sources ran at yesterday's time (saved now), so nothing is caught up: the run is the scheduled one
            harvester.states().save(HarvestState.none("arxiv-oai:cs").completed(LocalDate.of(2026, 8, 17), null));
            harvester.states().save(HarvestState.none("hf").completed(null, LocalDate.of(2026, 8, 20)));

            assertThat(world.papersAfterARun(HarvestScheduler.start(harvester, harvester.clock()))).isEqualTo(2 + 17);
            assertThat(world.remote().requests()).anyMatch(r -> r.query().equals("verb=ListRecords&metadataPrefix=arXivRaw&from=2026-08-17&set=cs"));
            assertThat(world.remote().requests()).anyMatch(r -> r.query().equals("date=2026-08-18&limit=100&p=0"));
        }
    }

    @Test
    void a_missed_run_is_caught_up_soon_after_start() throws Exception {
        try (World world = World.start(dataDir)) {
            // six hours after the daily time, on a server that has never harvested: the next scheduled run is
            // tomorrow, so only a catch-up can bring these papers in today
            Harvester harvester = world.harvester(Instant.parse("2026-08-24T12:00:00Z"));
            assertThat(world.papersAfterARun(HarvestScheduler.start(harvester, harvester.clock(), Duration.ZERO)))
                    .isEqualTo(2 + 17);
        }
    }

    @Test
    void the_status_says_when_a_run_succeeded_and_when_the_next_is_due() throws Exception {
        try (World world = World.start(dataDir)) {
            Harvester harvester = world.harvester(Instant.parse("2026-08-24T12:00:00Z"));
            try (HarvestScheduler scheduler = HarvestScheduler.start(harvester, harvester.clock(), Duration.ZERO)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while ((scheduler.status().lastSuccess().isEmpty() || scheduler.status().running()) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                HarvestStatus status = scheduler.status();
                assertThat(status.enabled()).isTrue();
                assertThat(status.lastSuccess()).isPresent();
                assertThat(status.lastFailure()).isEmpty();
                assertThat(status.failures()).isEmpty();
                assertThat(status.lastRunFailed()).isFalse();
                // the default daily time, 06:00 UTC, on the day after the harvester's clock
                assertThat(status.nextRun()).contains(Instant.parse("2026-08-25T06:00:00Z"));
            }
        }
    }

    @Test
    void a_run_is_missed_when_a_source_was_never_harvested_saved_before_the_time_or_stopped_midway() {
        try (TestInstance instance = TestInstance.withFixtures(dataDir);
                Database database = Database.open(instance.app().config().database())) {
            Instant t0 = Instant.parse("2026-08-24T06:00:00Z");
            MutableClock clock = new MutableClock(t0.minusSeconds(3600));
            HarvestStateRepository states = new HarvestStateRepository(database, clock);
            Harvester harvester = new Harvester(instance.app().config().harvest(), instance.app().importer(), states, clock);
            String arxiv = "arxiv-oai:cs";

            assertThat(harvester.missedSince(t0)).as("never harvested").isTrue();
            states.save(HarvestState.none(arxiv).completed(LocalDate.of(2026, 8, 20), null));
            states.save(HarvestState.none("hf").completed(null, LocalDate.of(2026, 8, 22)));
            assertThat(harvester.missedSince(t0)).as("both saved an hour before the time").isTrue();

            clock.advance(Duration.ofMinutes(61));
            states.save(HarvestState.none(arxiv).completed(LocalDate.of(2026, 8, 23), null));
            assertThat(harvester.missedSince(t0)).as("Hugging Face still saved before").isTrue();
            states.save(HarvestState.none("hf").completed(null, LocalDate.of(2026, 8, 23)));
            assertThat(harvester.missedSince(t0)).as("both ran at the time").isFalse();

            states.save(states.find(arxiv).paused("token-1", LocalDate.of(2026, 8, 23), null, LocalDate.of(2026, 8, 24), null));
            assertThat(harvester.missedSince(t0)).as("arXiv stopped in the middle of a run").isTrue();
        }
    }
}
