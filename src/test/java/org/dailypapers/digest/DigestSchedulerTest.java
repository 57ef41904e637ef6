package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** serve's schedule on the New York feed calendar, whatever the send zone; missed daily and weekly runs caught up on start. */
class DigestSchedulerTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    @Test
    void starting_after_the_send_time_catches_up_yesterdays_daily_digest() throws Exception {
        try (DigestWorld world = new DigestWorld(dataDir, greenMail)) {
            world.confirmedSubscribers(2, DigestPeriod.DAILY, Topics.NONE);
            // 2026-08-22T12:00Z is 08:00 in New York (the default zone and time): today's run is due.
            try (DigestScheduler scheduler = new DigestScheduler(world.service(world.smtp()), world.clock)) {
                scheduler.start();
                assertThat(greenMail.waitForIncomingEmail(20_000, 2)).isTrue();
            }
            assertThat(world.receivedPerRecipient()).isEqualTo(Map.of("reader00@example.org", 1, "reader01@example.org", 1));
            assertThat(world.states()).isEqualTo(Map.of("sent", 2)); // the digest of 2026-08-21
        }
    }

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static void moveTo(DigestWorld world, Instant at) {
        world.clock.advance(Duration.between(world.clock.instant(), at));
    }

    private long weeklyMails(String week) throws Exception {
        long n = 0;
        for (var m : greenMail.getReceivedMessages()) {
            n += m.getSubject().contains(week) ? 1 : 0;
        }
        return n;
    }

    @Test
    void in_tokyo_at_eight_the_daily_digest_is_of_the_last_finished_new_york_feed_day() throws Exception {
        try (DigestWorld world = new DigestWorld(dataDir, greenMail)) {
            world.confirmedSubscribers(2, DigestPeriod.DAILY, Topics.NONE);
            // Sunday 2026-08-23 08:00 in Tokyo is Saturday 19:00 in New York: feed day 08-22 is still running,
            // so the digest is that of 08-21 (Tokyo's "yesterday", 08-22, would be a day not yet finished).
            moveTo(world, Instant.parse("2026-08-22T23:00:00Z"));
            try (DigestScheduler scheduler = new DigestScheduler(world.service(world.smtp(), TOKYO, LocalTime.of(8, 0)), world.clock)) {
                scheduler.start();
                assertThat(greenMail.waitForIncomingEmail(20_000, 2)).isTrue();
            }
            assertThat(world.states(DigestPeriod.DAILY, LocalDate.of(2026, 8, 21))).isEqualTo(Map.of("sent", 2));
            assertThat(world.states(DigestPeriod.DAILY, LocalDate.of(2026, 8, 22))).isEmpty();
        }
    }

    @Test
    void a_weekly_digest_missed_on_monday_is_caught_up_when_serve_starts_on_tuesday() throws Exception {
        try (DigestWorld world = new DigestWorld(dataDir, greenMail)) {
            world.confirmedSubscribers(1, DigestPeriod.WEEKLY, Topics.NONE);
            moveTo(world, Instant.parse("2026-08-25T12:00:00Z")); // Tuesday 08:00 in New York; down all Monday
            try (DigestScheduler scheduler = new DigestScheduler(world.service(world.smtp()), world.clock)) {
                scheduler.start();
                assertThat(greenMail.waitForIncomingEmail(20_000, 1)).isTrue();
            }
            assertThat(weeklyMails("Week 34 of 2026")).isEqualTo(1);
            assertThat(world.states(DigestPeriod.WEEKLY, LocalDate.of(2026, 8, 17))).isEqualTo(Map.of("sent", 1));
        }
    }

    @Test
    void the_weekly_digest_goes_out_at_the_first_run_after_the_new_york_week_ended_and_only_once() throws Exception {
        try (DigestWorld world = new DigestWorld(dataDir, greenMail)) {
            world.confirmedSubscribers(1, DigestPeriod.WEEKLY, Topics.NONE);
            try (DigestScheduler scheduler = new DigestScheduler(world.service(world.smtp(), TOKYO, LocalTime.of(8, 0)), world.clock)) {
                scheduler.runAt(Instant.parse("2026-08-23T23:00:00Z")); // Monday 08:00 Tokyo = Sunday in New York
                assertThat(weeklyMails("Week 34 of 2026")).isZero(); // week 34 (Aug 17-23) has not ended in New York
                scheduler.runAt(Instant.parse("2026-08-24T23:00:00Z")); // Tuesday 08:00 Tokyo = Monday in New York
                assertThat(weeklyMails("Week 34 of 2026")).isEqualTo(1);
                scheduler.runAt(Instant.parse("2026-08-25T23:00:00Z"));
                assertThat(weeklyMails("Week 34 of 2026")).isEqualTo(1);
            }
        }
    }

    @Test
    void the_run_last_due_is_today_after_the_send_time_else_yesterday() {
        ZonedDateTime before = ZonedDateTime.of(2026, 8, 23, 7, 59, 0, 0, TOKYO);
        assertThat(DigestScheduler.previousRun(LocalTime.of(8, 0), before)).isEqualTo(ZonedDateTime.of(2026, 8, 22, 8, 0, 0, 0, TOKYO));
        ZonedDateTime after = ZonedDateTime.of(2026, 8, 23, 8, 0, 0, 0, TOKYO);
        assertThat(DigestScheduler.previousRun(LocalTime.of(8, 0), after)).isEqualTo(after);
    }
}
