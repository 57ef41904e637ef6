package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
}
