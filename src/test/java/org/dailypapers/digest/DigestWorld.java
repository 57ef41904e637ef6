package org.dailypapers.digest;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.mail.MailConfig;
import org.dailypapers.mail.Mailer;
import org.dailypapers.mail.SmtpMailer;
import org.dailypapers.store.Database;
import org.dailypapers.testing.MutableClock;

/**
 * A real instance (SQLite, Lucene, the fixture feed) plus a second connection pool on its database, from which
 * tests build digest services with their own mailer and clock: what another process sharing the database is.
 */
final class DigestWorld implements AutoCloseable {
    static final LocalDate DAY = LocalDate.of(2026, 8, 21);
    static final URI BASE = URI.create("https://papers.example.org");
    static final SendOptions OPTIONS = new SendOptions(4, 1, Duration.ofMinutes(15), 3, Duration.ofMillis(10), false);
    /** As {@link #OPTIONS}, with two sending threads. */
    static final SendOptions TWO_THREADS = new SendOptions(4, 2, Duration.ofMinutes(15), 3, Duration.ofMillis(10), false);

    final TestInstance instance;
    final Database database;
    final Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-08-22T12:00:00Z"));
    final GreenMailOperations greenMail;
    private final List<AutoCloseable> closeables = new java.util.ArrayList<>();

    DigestWorld(Path dataDir, GreenMailOperations greenMail) {
        this(dataDir, greenMail, Map.of());
    }

    /** With more settings, e.g. DAILYPAPERS_DB_URL for PostgreSQL. */
    DigestWorld(Path dataDir, GreenMailOperations greenMail, Map<String, String> env) {
        this.dataDir = dataDir;
        this.greenMail = greenMail;
        Map<String, String> all = new java.util.HashMap<>(smtpEnv(greenMail));
        all.putAll(env);
        this.instance = TestInstance.withEnv(dataDir, all, "hf");
        this.database = Database.open(instance.app().config().database());
    }

    static Map<String, String> smtpEnv(GreenMailOperations greenMail) {
        return Map.of("DAILYPAPERS_SMTP_HOST", "127.0.0.1", "DAILYPAPERS_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()),
                "DAILYPAPERS_SMTP_TLS", "none", "DAILYPAPERS_BASE_URL", BASE.toString(), "DAILYPAPERS_DIGEST_TOP", "5");
    }

    /** A mailer to GreenMail over real SMTP. */
    SmtpMailer smtp() {
        SmtpMailer mailer = new SmtpMailer(new MailConfig.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), MailConfig.Tls.NONE,
                Optional.empty(), Optional.empty(), Duration.ofSeconds(5)), "Daily Papers <papers@example.org>");
        closeables.add(mailer);
        return mailer;
    }

    /** A digest service like another process's: its own pool on the same database, this mailer and the test clock. */
    DigestService service(Mailer mailer) {
        return service(mailer, database);
    }

    /** As {@link #service}, with a connection pool of its own: like another process on the same database. */
    DigestService otherProcess(Mailer mailer) {
        Database own = Database.open(instance.app().config().database());
        closeables.add(own);
        return service(mailer, own);
    }

    private DigestService service(Mailer mailer, Database db) {
        DigestConfig config = new DigestConfig(true, DigestConfig.DEFAULT_TIME, DigestConfig.DEFAULT_ZONE, 5, 3, Optional.empty());
        return new DigestService(config, db, instance.app().feed(), instance.app().search(), mailer, BASE, clock);
    }

    /** Stands for the process dying: an Error the run does not catch, so it ends without recording anything more. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    /** Sends the daily digest of {@link #DAY} with {@link #OPTIONS}. */
    static SendSummary sendDaily(DigestService digests) {
        return sendDaily(digests, OPTIONS);
    }

    static SendSummary sendDaily(DigestService digests, SendOptions options) {
        return digests.send(DigestPeriod.DAILY, DAY, options, DigestSender.Progress.NONE);
    }

    /** Sends the daily digest through a new {@link #service} with {@code mailer}. */
    SendSummary sendDaily(Mailer mailer) {
        return sendDaily(service(mailer));
    }

    /**
     * A mailer that delivers through {@code delivering} and then dies ({@link Killed}) after the {@code n}th message:
     * that one reached the server, but the run never learns it.
     */
    static Mailer dyingAfter(int n, Mailer delivering) {
        AtomicInteger handed = new AtomicInteger();
        return message -> {
            delivering.send(message);
            if (handed.incrementAndGet() == n) {
                throw new Killed();
            }
        };
    }

    /** Runs {@code a} and {@code b} at once, each with {@link #TWO_THREADS}; returns how many they sent together. */
    static int sendOverlapping(DigestService a, DigestService b) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<SendSummary> ra = both.submit(() -> sendDaily(a, TWO_THREADS));
            Future<SendSummary> rb = both.submit(() -> sendDaily(b, TWO_THREADS));
            return ra.get().sent() + rb.get().sent();
        } finally {
            both.shutdown();
        }
    }

    /** Confirmed subscribers reader00@example.org ... (with the topics given), stored directly. */
    List<EmailAddress> confirmedSubscribers(int count, DigestPeriod period, Topics topics) {
        SubscriptionRepository repo = new SubscriptionRepository(database, clock);
        List<EmailAddress> all = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            EmailAddress a = EmailAddress.parse(String.format("reader%02d@example.org", i));
            repo.savePending(a, period, topics);
            repo.confirm(a);
            all.add(a);
        }
        return all;
    }

    /** How many messages GreenMail received per recipient. */
    Map<String, Integer> receivedPerRecipient() throws MessagingException {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                counts.merge(a.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    Map<String, Integer> states() {
        return new DeliveryRepository(database).countByState(DigestPeriod.DAILY.feedPeriod(DAY).key());
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        database.close();
        instance.close();
    }
}
