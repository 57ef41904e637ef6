package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** serve's schedule: yesterday's daily digest every day, last week's weekly one on Mondays, a missed run caught up on start. */
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

    @Test
    void mondays_also_send_last_weeks_weekly_digest() throws Exception {
        try (DigestWorld world = new DigestWorld(dataDir, greenMail)) {
            world.confirmedSubscribers(1, DigestPeriod.WEEKLY, Topics.NONE);
            try (DigestScheduler scheduler = new DigestScheduler(world.service(world.smtp()), world.clock)) {
                scheduler.runFor(LocalDate.of(2026, 8, 25)); // a Tuesday: no weekly run
                assertThat(greenMail.getReceivedMessages()).isEmpty();
                scheduler.runFor(LocalDate.of(2026, 8, 24)); // Monday: week 34 (Aug 17-23)
            }
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
            assertThat(greenMail.getReceivedMessages()[0].getSubject()).contains("Week 34 of 2026");
        }
    }
}
