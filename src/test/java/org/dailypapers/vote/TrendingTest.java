package org.dailypapers.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendingTest {
    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2026-08-22T12:00:00Z"));
    TestInstance instance;

    @BeforeEach
    void start() {
        instance = TestInstance.withClock(dir, Map.of("DAILYPAPERS_TRENDING_HALF_LIFE_HOURS", "24"), clock,
                "hf/2026-08-20.json", "hf/2026-08-21.json").start();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    @Test
    void the_score_halves_every_half_life() {
        Trending trending = instance.app().trending();
        Instant now = clock.instant();
        assertThat(trending.score(0, now, List.of(now), now)).isEqualTo(1.0);
        assertThat(trending.score(0, now, List.of(now.minus(Duration.ofHours(24))), now)).isCloseTo(0.5, within(1e-12));
        assertThat(trending.score(100, now.minus(Duration.ofHours(48)), List.of(), now)).isCloseTo(25.0, within(1e-9));
        assertThat(trending.score(10, now.minus(Duration.ofHours(24)), List.of(now, now.minus(Duration.ofHours(72))), now))
                .isCloseTo(5 + 1 + 0.125, within(1e-9));
    }

    @Test
    void a_new_quickly_upvoted_paper_rises_above_older_more_upvoted_ones_and_falls_again() throws Exception {
        List<String> before = ids(api("/api/daily_papers?month=2026-08&sort=trending&limit=100"));
        String underdog = before.getLast();
        assertThat(before.getFirst()).isEqualTo("2608.19880"); // 163 upvotes, the newest feed day

        // 40 people upvote the last-ranked paper now.
        for (int i = 0; i < 40; i++) {
            var person = instance.app().accounts().openSession(EmailAddress.parse("fan" + i + "@example.org")).session().account();
            instance.app().upvotes().vote(person, new ArxivId(underdog), true);
        }
        // Older votes of 163 imported decay from 2026-08-21 (put on the feed) to now; 40 fresh votes count fully.
        List<String> after = ids(api("/api/daily_papers?month=2026-08&sort=trending&limit=100"));
        assertThat(after.indexOf(underdog)).isLessThan(before.indexOf(underdog));
        // Upvote order is unchanged in meaning: sort=upvotes still ranks by the shown count.
        List<String> byVotes = ids(api("/api/daily_papers?month=2026-08&sort=upvotes&limit=100"));
        assertThat(byVotes.getFirst()).isEqualTo("2608.19880");

        // Five days later the burst has decayed like everything else: the ranking is by age-weighted votes again.
        clock.advance(Duration.ofDays(5));
        assertThat(instance.app().trending().rank(instance.app().feed().papers(org.dailypapers.feed.FeedPeriod.parseMonth("2026-08")))
                .getFirst().score()).isLessThan(163 * Math.pow(2, -5));
    }

    @Test
    void the_trending_page_states_the_formula_and_half_life() {
        var page = instance.get("/papers/trending");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("half-life: 24 hours").contains("2<sup>−(now − f) / T</sup>");
        assertThat(page.body().indexOf("2608.19880")).isPositive();
        assertThat(instance.get("/api/daily_papers?sort=hot").body()).contains("publishedAt, upvotes or trending");
    }

    private JsonNode api(String path) throws Exception {
        var response = instance.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new java.util.ArrayList<>();
        items.forEach(item -> ids.add(item.path("paper").path("id").asText()));
        return ids;
    }
}
