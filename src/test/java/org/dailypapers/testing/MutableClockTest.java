package org.dailypapers.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    @Test
    void a_zoned_view_reads_local_time_in_its_zone_and_follows_the_clock_when_it_moves() {
        MutableClock clock = new MutableClock(Instant.parse("2026-08-22T02:00:00Z"));
        var newYork = clock.withZone(ZoneId.of("America/New_York"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(ZonedDateTime.now(newYork).toLocalDateTime()).hasToString("2026-08-21T22:00");

        clock.advance(Duration.ofHours(3));
        assertThat(newYork.instant()).isEqualTo(Instant.parse("2026-08-22T05:00:00Z"));
        assertThat(ZonedDateTime.now(newYork).toLocalDateTime()).hasToString("2026-08-22T01:00");
    }
}
