package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dailypapers.testing.ReplayServer;
import org.junit.jupiter.api.Test;

class HarvestHttpTest {
    @Test
    void retry_after_is_seconds_or_an_http_date() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
        assertThat(HarvestHttp.parseRetryAfter("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(HarvestHttp.parseRetryAfter("Fri, 27 Nov 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(HarvestHttp.parseRetryAfter("Fri, 27 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(HarvestHttp.parseRetryAfter("soon", clock)).isEmpty();
    }

    @Test
    void an_answer_larger_than_the_cap_is_refused_not_taken_as_a_page_cut_short() throws Exception {
        try (ReplayServer server = ReplayServer.start()) {
            server.when(r -> r.path().equals("/big"), ReplayServer.Reply.ok("x".repeat(200_000), "text/xml"));
            server.when(r -> r.path().equals("/small"), ReplayServer.Reply.ok("<ok/>", "text/xml"));
            HarvestHttp http = new HarvestHttp(Duration.ofSeconds(5), d -> {}, Clock.systemUTC(), 100_000);
            assertThatThrownBy(() -> http.get(server.url("/big")))
                    .isInstanceOf(HarvestException.class).hasMessageContaining("is larger than");
            assertThat(new String(http.get(server.url("/small")).body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("<ok/>");
        }
    }
}
