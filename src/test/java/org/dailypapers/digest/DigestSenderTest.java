package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.mail.MailException;
import org.dailypapers.mail.Mailer;
import org.dailypapers.mail.ScriptedSmtpServer;
import org.dailypapers.mail.SmtpMailer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Delivery at most once per (address, period) against a real SMTP server, through crashes, stops, overlaps and errors. */
class DigestSenderTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    DigestWorld world;

    @BeforeEach
    void open() {
        world = new DigestWorld(dataDir, greenMail);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private static Map<String, Integer> once(List<EmailAddress> addresses) {
        return addresses.stream().collect(Collectors.toMap(EmailAddress::value, a -> 1, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void every_confirmed_subscriber_gets_one_digest_and_a_second_run_sends_nothing() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(10, DigestPeriod.DAILY, Topics.NONE);
        world.confirmedSubscribers(0, DigestPeriod.WEEKLY, Topics.NONE);
        DigestService digests = world.service(world.smtp());

        SendSummary first = DigestWorld.sendDaily(digests);
        SendSummary second = DigestWorld.sendDaily(digests);

        assertThat(first.sent()).isEqualTo(10);
        assertThat(first.ok()).isTrue();
        assertThat(second.sent()).isZero();
        assertThat(second.alreadySent()).isEqualTo(10);
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
        assertThat(world.states()).isEqualTo(Map.of("sent", 10));
    }

    @Test
    void a_run_killed_part_way_is_resumed_by_a_later_run_and_nobody_gets_two() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(12, DigestPeriod.DAILY, Topics.NONE);
        SmtpMailer smtp = world.smtp();

        assertThatThrownBy(() -> world.sendDaily(DigestWorld.dyingAfter(6, smtp))).isInstanceOf(DigestWorld.Killed.class);
        assertThat(greenMail.getReceivedMessages()).hasSize(6);

        // Restarted at once: the dead run's claims are fresh, so they are left alone (it might still be alive).
        SendSummary tooEarly = world.sendDaily(smtp);
        assertThat(tooEarly.sent()).isEqualTo(4); // the page after the dead run's last claimed page
        assertThat(tooEarly.inProgress()).isEqualTo(3); // its 2 unstarted claims and the uncertain 6th
        assertThat(tooEarly.ok()).isTrue();

        world.clock.advance(Duration.ofMinutes(16)); // past the lease: the run is presumed dead
        SendSummary resumed = world.sendDaily(smtp);

        assertThat(resumed.sent()).isEqualTo(2);
        assertThat(resumed.inProgress()).isEqualTo(1); // the 6th: it may have arrived, so it is not resent
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
        assertThat(world.states()).isEqualTo(Map.of("sent", 11, "sending", 1));
    }

    @Test
    void resend_uncertain_takes_over_a_message_whose_run_died_before_the_server_accepted_it() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(3, DigestPeriod.DAILY, Topics.NONE);
        SmtpMailer smtp = world.smtp();
        AtomicInteger handed = new AtomicInteger();
        Mailer dyingBeforeSecond = message -> {
            if (handed.incrementAndGet() == 2) {
                throw new DigestWorld.Killed(); // died while handing over the 2nd: it never reached the server
            }
            smtp.send(message);
        };
        assertThatThrownBy(() -> world.sendDaily(dyingBeforeSecond)).isInstanceOf(DigestWorld.Killed.class);
        world.clock.advance(Duration.ofMinutes(16));

        SendSummary careful = world.sendDaily(smtp);
        assertThat(careful.sent()).isEqualTo(1);
        assertThat(careful.inProgress()).isEqualTo(1);
        SendSummary resend = DigestWorld.sendDaily(world.service(smtp), DigestWorld.OPTIONS.withResendUncertain(true));

        assertThat(resend.sent()).isEqualTo(1);
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
    }

    @Test
    void a_run_stopped_by_an_executor_shutdown_gives_back_its_claims_and_a_restart_sends_the_rest_at_once() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(12, DigestPeriod.DAILY, Topics.NONE);
        SmtpMailer smtp = world.smtp();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        AtomicInteger handed = new AtomicInteger();
        Mailer stoppingAfterFive = message -> {
            smtp.send(message);
            if (handed.incrementAndGet() == 5) {
                runner.shutdownNow(); // interrupts the run, as serve's shutdown does
            }
        };
        Future<SendSummary> stopped = runner.submit(() -> world.sendDaily(stoppingAfterFive));

        SendSummary first = stopped.get();
        assertThat(first.stoppedEarly()).isTrue();
        // The message in flight when the stop arrives may still go out: 5 or 6, never more.
        assertThat(first.sent()).isBetween(5, 6);
        assertThat(first.ok()).isFalse();
        assertThat(world.states()).isEqualTo(Map.of("sent", first.sent())); // no claim left behind

        SendSummary restart = world.sendDaily(smtp);

        assertThat(restart.sent()).isEqualTo(12 - first.sent());
        assertThat(restart.alreadySent()).isEqualTo(first.sent());
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
    }

    @Test
    void two_overlapping_runs_send_each_digest_once() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(40, DigestPeriod.DAILY, Topics.NONE);
        SmtpMailer smtp = world.smtp();
        Mailer slow = message -> {
            try {
                Thread.sleep(3); // lets the two runs interleave
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            smtp.send(message);
        };
        // Two services with their own connection pools: like two processes sharing the database.
        int sent = DigestWorld.sendOverlapping(world.service(slow), world.otherProcess(slow));

        assertThat(sent).isEqualTo(40);
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
        assertThat(world.states()).isEqualTo(Map.of("sent", 40));
    }

    @Test
    void a_transient_failure_is_retried_with_back_off_and_delivered_once() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(3, DigestPeriod.DAILY, Topics.NONE);
        SmtpMailer smtp = world.smtp();
        AtomicInteger refusals = new AtomicInteger();
        Mailer greylisting = message -> {
            if (message.to().value().equals("reader01@example.org") && refusals.incrementAndGet() <= 2) {
                throw new MailException("451 4.7.1 greylisted, try again later", MailException.Kind.TRANSIENT, null);
            }
            smtp.send(message);
        };

        SendSummary summary = world.sendDaily(greylisting);

        assertThat(summary.sent()).isEqualTo(3);
        assertThat(refusals.get()).isEqualTo(3); // two refusals, then the accepted third try
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
    }

    @Test
    void a_transient_failure_on_every_try_is_reported_and_the_next_run_delivers_it() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(3, DigestPeriod.DAILY, Topics.NONE);
        SmtpMailer smtp = world.smtp();
        Mailer down = message -> {
            if (message.to().value().equals("reader02@example.org")) {
                throw new MailException("connection refused", MailException.Kind.TRANSIENT, null);
            }
            smtp.send(message);
        };
        SendSummary failing = world.sendDaily(down);
        assertThat(failing.failed()).isEqualTo(1);
        assertThat(failing.ok()).isFalse();
        assertThat(world.states()).isEqualTo(Map.of("sent", 2, "failed", 1));

        SendSummary next = world.sendDaily(smtp);

        assertThat(next.sent()).isEqualTo(1);
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
    }

    @Test
    void a_run_gives_up_when_the_mail_server_keeps_failing_and_the_next_run_sends_everything() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(12, DigestPeriod.DAILY, Topics.NONE);
        AtomicInteger tries = new AtomicInteger();
        Mailer down = message -> {
            tries.incrementAndGet();
            throw new MailException("Couldn't connect to host", MailException.Kind.TRANSIENT, null);
        };
        SendSummary givenUp = world.sendDaily(down);

        assertThat(givenUp.failed()).isEqualTo(DigestSender.GIVE_UP_AFTER);
        assertThat(tries.get()).isEqualTo(DigestSender.GIVE_UP_AFTER * DigestWorld.OPTIONS.maxAttempts());
        assertThat(givenUp.stoppedEarly()).isTrue();
        assertThat(world.states()).isEqualTo(Map.of("failed", DigestSender.GIVE_UP_AFTER)); // no claim left behind

        SendSummary next = world.sendDaily(world.smtp());
        assertThat(next.sent()).isEqualTo(12);
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
    }

    @Test
    void a_permanent_rejection_marks_the_address_bounced_and_stops_mail_to_it() throws Exception {
        world.confirmedSubscribers(3, DigestPeriod.DAILY, Topics.NONE);
        SmtpMailer smtp = world.smtp();
        try (ScriptedSmtpServer rejecting = new ScriptedSmtpServer("550 5.1.1 <reader01@example.org>: no such user");
                SmtpMailer rejected = new SmtpMailer(new org.dailypapers.mail.MailConfig.Smtp("127.0.0.1", rejecting.port(),
                        org.dailypapers.mail.MailConfig.Tls.NONE, java.util.Optional.empty(), java.util.Optional.empty(),
                        Duration.ofSeconds(5)), "Daily Papers <papers@example.org>")) {
            Mailer routing = message -> (message.to().value().equals("reader01@example.org") ? rejected : smtp).send(message);
            DigestService digests = world.service(routing);

            SendSummary summary = DigestWorld.sendDaily(digests);
            assertThat(summary.bounced()).isEqualTo(1);
            assertThat(summary.sent()).isEqualTo(2);
            assertThat(digests.find(EmailAddress.parse("reader01@example.org")).orElseThrow().status())
                    .isEqualTo(Subscription.Status.BOUNCED);

            SendSummary nextDay = digests.send(DigestPeriod.DAILY, DigestWorld.DAY.minusDays(1), DigestWorld.OPTIONS, DigestSender.Progress.NONE);
            assertThat(nextDay.subscribers()).isEqualTo(2);
        }
        assertThat(world.receivedPerRecipient()).containsOnlyKeys("reader00@example.org", "reader02@example.org");
    }

    private SmtpMailer mailerTo(ScriptedSmtpServer server) {
        SmtpMailer mailer = new SmtpMailer(new org.dailypapers.mail.MailConfig.Smtp("127.0.0.1", server.port(),
                org.dailypapers.mail.MailConfig.Tls.NONE, java.util.Optional.empty(), java.util.Optional.empty(),
                Duration.ofSeconds(5)), "Daily Papers <papers@example.org>");
        return mailer;
    }

    @Test
    void a_rejection_of_our_sender_or_message_stops_the_run_bounces_nobody_and_the_next_run_sends_all() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(12, DigestPeriod.DAILY, Topics.NONE);
        for (ScriptedSmtpServer refusing : List.of(
                new ScriptedSmtpServer("553 5.7.1 <papers@example.org>: sender not allowed", to -> ScriptedSmtpServer.OK, ScriptedSmtpServer.OK),
                new ScriptedSmtpServer(ScriptedSmtpServer.OK, to -> ScriptedSmtpServer.OK, "554 5.7.1 rejected as spam"))) {
            try (refusing; SmtpMailer mailer = mailerTo(refusing)) {
                SendSummary refused = world.service(mailer).send(DigestPeriod.DAILY, DigestWorld.DAY, DigestWorld.OPTIONS,
                        DigestSender.Progress.NONE);

                assertThat(refused.bounced()).isZero();
                assertThat(refused.sent()).isZero();
                assertThat(refused.failed()).isEqualTo(1); // the first message; the run stopped there
                assertThat(refused.stoppedEarly()).isTrue();
                assertThat(world.states()).isEqualTo(Map.of("failed", 1));
            }
        }
        DigestService digests = world.service(world.smtp());
        for (EmailAddress reader : readers) {
            assertThat(digests.find(reader).orElseThrow().status()).isEqualTo(Subscription.Status.CONFIRMED);
        }

        SendSummary next = digests.send(DigestPeriod.DAILY, DigestWorld.DAY, DigestWorld.OPTIONS, DigestSender.Progress.NONE);

        assertThat(next.sent()).isEqualTo(12);
        assertThat(world.receivedPerRecipient()).isEqualTo(once(readers));
    }

    @Test
    void only_the_rejected_recipient_bounces_on_a_real_smtp_conversation() throws Exception {
        world.confirmedSubscribers(3, DigestPeriod.DAILY, Topics.NONE);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(ScriptedSmtpServer.OK,
                to -> to.equals("reader01@example.org") ? "550 5.1.1 no such user" : ScriptedSmtpServer.OK, ScriptedSmtpServer.OK);
                SmtpMailer mailer = mailerTo(server)) {
            DigestService digests = world.service(mailer);
            SendSummary summary = digests.send(DigestPeriod.DAILY, DigestWorld.DAY, DigestWorld.OPTIONS, DigestSender.Progress.NONE);

            assertThat(summary.sent()).isEqualTo(2);
            assertThat(summary.bounced()).isEqualTo(1);
            assertThat(server.accepted()).isEqualTo(2);
            assertThat(digests.find(EmailAddress.parse("reader01@example.org")).orElseThrow().status()).isEqualTo(Subscription.Status.BOUNCED);
            assertThat(digests.find(EmailAddress.parse("reader02@example.org")).orElseThrow().status()).isEqualTo(Subscription.Status.CONFIRMED);
        }
    }

    @Test
    void a_run_stops_after_many_rejected_addresses_in_a_row() throws Exception {
        world.confirmedSubscribers(DigestSender.GIVE_UP_AFTER_BOUNCES + 8, DigestPeriod.DAILY, Topics.NONE);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.7.1 relaying denied"); SmtpMailer mailer = mailerTo(server)) {
            SendSummary summary = world.service(mailer).send(DigestPeriod.DAILY, DigestWorld.DAY, DigestWorld.OPTIONS,
                    DigestSender.Progress.NONE);

            assertThat(summary.bounced()).isEqualTo(DigestSender.GIVE_UP_AFTER_BOUNCES); // one thread: exactly the limit
            assertThat(summary.stoppedEarly()).isTrue();
            assertThat(world.states()).isEqualTo(Map.of("bounced", DigestSender.GIVE_UP_AFTER_BOUNCES));
        }
    }

    @Test
    void an_empty_period_sends_nothing() throws Exception {
        world.confirmedSubscribers(3, DigestPeriod.DAILY, Topics.NONE);
        SendSummary summary = world.service(world.smtp())
                .send(DigestPeriod.DAILY, LocalDate.of(2026, 8, 22), DigestWorld.OPTIONS, DigestSender.Progress.NONE);

        assertThat(summary.emptyPeriod()).isTrue();
        assertThat(summary.ok()).isTrue();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(world.states()).isEmpty();
    }

    @Test
    void an_unsubscribe_during_a_run_stops_the_mail_not_yet_sent() throws Exception {
        world.confirmedSubscribers(4, DigestPeriod.DAILY, Topics.NONE);
        SmtpMailer smtp = world.smtp();
        SubscriptionRepository repo = new SubscriptionRepository(world.database, world.clock);
        Mailer unsubscribingLast = message -> {
            smtp.send(message);
            repo.unsubscribe(EmailAddress.parse("reader03@example.org")); // clicked while the run goes on
        };
        SendSummary summary = world.sendDaily(unsubscribingLast);

        assertThat(summary.sent()).isEqualTo(3);
        assertThat(world.receivedPerRecipient()).doesNotContainKey("reader03@example.org");
        assertThat(world.states()).isEqualTo(Map.of("sent", 3));
    }
}
