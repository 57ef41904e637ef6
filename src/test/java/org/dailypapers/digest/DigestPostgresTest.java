package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.mail.SmtpMailer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest tables and their race-deciding statements on a real PostgreSQL (the server {@code ./run-tests}
 * starts; see PostgresTest): subscribe and confirm, overlapping runs and a killed run resumed, exactly once.
 */
class DigestPostgresTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    @BeforeAll
    static void requireServer() {
        TestPostgres.requireServer();
    }


    @Test
    void on_postgres_overlapping_and_killed_runs_still_send_each_digest_once() throws Exception {
        try (DigestWorld world = new DigestWorld(dataDir, greenMail, Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase()))) {
            SmtpMailer smtp = world.smtp();
            DigestService digests = world.service(smtp);
            digests.subscribe("ada@example.org", "daily", "agents", "192.0.2.1", DigestWorld.BASE);
            String mail = (String) greenMail.getReceivedMessages()[0].getContent();
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("token=([A-Za-z0-9_.-]+)").matcher(mail);
            assertThat(token.find()).isTrue();
            digests.confirm(token.group(1));
            List<EmailAddress> readers = new java.util.ArrayList<>(world.confirmedSubscribers(30, DigestPeriod.DAILY, Topics.NONE));
            readers.add(EmailAddress.parse("ada@example.org"));
            greenMail.purgeEmailFromAllMailboxes();

            int killedAfter = 5;
            assertThatThrownBy(() -> world.sendDaily(DigestWorld.dyingAfter(killedAfter, smtp))).isInstanceOf(DigestWorld.Killed.class);
            world.clock.advance(Duration.ofMinutes(16));

            int sent = DigestWorld.sendOverlapping(world.service(smtp), world.otherProcess(smtp));

            assertThat(killedAfter + sent).isEqualTo(31);
            Map<String, Integer> received = world.receivedPerRecipient();
            assertThat(received).hasSize(31).allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(1));
            assertThat(world.states()).isEqualTo(Map.of("sent", 30, "sending", 1));
        }
    }
}
