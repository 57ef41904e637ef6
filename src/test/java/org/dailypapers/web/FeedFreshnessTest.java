package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /} says which day it shows, how long ago that is, and why nothing newer came; never empty while papers exist. */
class FeedFreshnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    /** 15:00 UTC on Wednesday, Dec 2, 2026 (10:00 in New York): 103 days after the fixtures' newest feed day, Aug 21. */
    private static final Instant DEC_2 = Instant.parse("2026-12-02T15:00:00Z");

    @Test
    void the_latest_day_is_named_by_its_date_with_how_long_ago_in_new_york() {
        MutableClock clock = new MutableClock(Instant.parse("2026-08-21T15:00:00Z"));
        try (TestInstance instance = TestInstance.withClock(dataDir, Map.of(), clock, "hf").start()) {
            String today = instance.get("/").body();
            assertThat(today).contains("<h1>Latest papers: Aug 21, 2026</h1>", "<title>Latest papers: Aug 21, 2026</title>",
                    "<span class=\"ago\">today</span>");
            assertThat(today).doesNotContain("<h1>Daily Papers</h1>", ">Today</a>", "Nothing newer than");
            assertThat(today).contains("<a href=\"/\">Latest</a>");

            // 03:59 UTC on Aug 22 is still Aug 21 in New York.
            clock.advance(Duration.ofHours(12).plusMinutes(59));
            assertThat(instance.get("/").body()).contains("<span class=\"ago\">today</span>");
            clock.advance(Duration.ofMinutes(2));
            assertThat(instance.get("/").body()).contains("<span class=\"ago\">yesterday</span>").doesNotContain("Nothing newer than");
            clock.advance(Duration.ofDays(1));
            assertThat(instance.get("/").body()).contains("<span class=\"ago\">2 days ago</span>").doesNotContain("Nothing newer than");

            clock.advance(Duration.between(clock.instant(), DEC_2));
            String old = instance.get("/").body();
            assertThat(old).contains("<h1>Latest papers: Aug 21, 2026</h1>", "<span class=\"ago\">103 days ago</span>",
                    "Nothing newer than Aug 21, 2026 is on this instance.",
                    "Harvesting from arXiv and Hugging Face is off",
                    "DAILYPAPERS_HARVEST_ENABLED=true");
            // Other days keep their own names: only / is "latest".
            assertThat(instance.get("/papers/date/2026-08-21").body()).contains("<h1>Daily Papers</h1>").doesNotContain("days ago");
        }
    }

    @Test
    void the_submit_page_does_not_promise_todays_feed() {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf").start()) {
            String html = instance.signedIn("ada@example.org").get("/submit").body();
            assertThat(html).doesNotContain("today's feed").contains("listed under the current day in New York");
        }
    }

    @Test
    void health_says_harvesting_is_off_when_it_is() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf").start()) {
            JsonNode harvest = JSON.readTree(instance.get("/health").body()).get("harvest");
            assertThat(harvest.get("enabled").asBoolean()).isFalse();
            assertThat(harvest.get("lastFailure").isNull()).isTrue();
            assertThat(harvest.get("nextRun").isNull()).isTrue();
        }
    }

    @Test
    void a_harvest_that_cannot_reach_its_sources_fails_fast_and_says_why_on_the_page_and_on_health() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // closed again at once: nothing listens there
        }
        String nowhere = "http://127.0.0.1:" + closedPort;
        MutableClock clock = new MutableClock(DEC_2);
        try (TestInstance instance = TestInstance.withClock(dataDir, Map.of("DAILYPAPERS_HARVEST_ENABLED", "true",
                "DAILYPAPERS_HARVEST_ARXIV_BASE_URL", nowhere + "/oai2", "DAILYPAPERS_HARVEST_HF_BASE_URL", nowhere,
                "DAILYPAPERS_HARVEST_DELAY", "0", "DAILYPAPERS_HARVEST_HF_DELAY", "0"), clock, "hf").start()) {
            long started = System.nanoTime();
            assertThat(instance.startHarvestingNow()).isTrue();
            JsonNode harvest = awaitHarvestFailure(instance);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no network: the run fails at once").isLessThan(Duration.ofSeconds(10));

            assertThat(harvest.get("enabled").asBoolean()).isTrue();
            assertThat(harvest.get("lastFailure").asText()).isEqualTo("2026-12-02T15:00:00Z");
            assertThat(harvest.get("lastFailureReason").asText()).contains("arxiv-oai:cs: ", "; hf: ", "cannot connect");
            assertThat(harvest.get("nextRun").asText()).as("06:00 UTC, the default").isEqualTo("2026-12-03T06:00:00Z");
            assertThat(harvest.get("lastSuccess").isNull()).isTrue();

            String home = instance.get("/").body();
            assertThat(home).contains("Nothing newer than Aug 21, 2026 is on this instance.",
                    "The last harvest failed Dec 2, 2026 at 15:00 UTC. The next try is Dec 3, 2026 at 06:00 UTC.",
                    "<li>arxiv-oai:cs: the request to 127.0.0.1:" + closedPort + " failed: cannot connect",
                    "<li>hf: the request to 127.0.0.1:" + closedPort + " failed: cannot connect", "<summary>For administrators</summary>")
                    .doesNotContain("Harvesting from arXiv and Hugging Face is off");
        }
    }

    private static JsonNode awaitHarvestFailure(TestInstance instance) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode harvest = JSON.readTree(instance.get("/health").body()).get("harvest");
            if (!harvest.get("lastFailure").isNull()) {
                return harvest;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the harvest did not fail within 30 s");
    }

    @Test
    void an_instance_with_only_arxiv_papers_shows_the_newest_arxiv_days_rather_than_nothing() {
        MutableClock clock = new MutableClock(DEC_2);
        try (TestInstance instance = TestInstance.withClock(dataDir, Map.of(), clock, "listings.jsonl.gz").start()) {
            HttpResponse<String> response = instance.get("/");
            assertThat(response.statusCode()).isEqualTo(200);
            String html = response.body();
            assertThat(html).doesNotContain("No papers yet").contains("<h1>New on arXiv: ", "No community picks yet",
                    "by listing date, newest first", "<article class=\"card", "Harvesting from arXiv and Hugging Face is off");
            Matcher days = Pattern.compile("<h2 id=\"d-(\\d{4}-\\d\\d-\\d\\d)\">Listed on arXiv").matcher(html);
            java.util.List<String> listed = new java.util.ArrayList<>();
            while (days.find()) {
                listed.add(days.group(1));
            }
            assertThat(listed).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
            assertThat(html).contains("<h1>New on arXiv: " + Views.day(java.time.LocalDate.parse(listed.getFirst())) + "</h1>");
        }
    }
}
