package org.dailypapers.digest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dailypapers.mail.SmtpMailer;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The digest benchmark (not a test: skipped unless asked for). Sends one daily digest to N confirmed
 * subscribers (each with one or two topics out of 40) through the real path: DigestService, SmtpMailer, a
 * GreenMail SMTP server on localhost, SQLite. Prints mails/s and the heap after a full GC every 1,000
 * subscribers (GreenMail's messages and per-recipient accounts are dropped first, so the figure is ours).
 * {@code -Ddigest.bench.threads=N} sets the sender threads, {@code -Ddigest.bench.mailer=none} leaves SMTP out. Run:
 * <pre>mvn -q -o test -Dtest=DigestBenchmark -Ddigest.bench=10000</pre>
 */
@EnabledIfSystemProperty(named = "digest.bench", matches = "\\d+")
class DigestBenchmark {
    static final String[] TOPICS = {"agents", "reinforcement learning", "diffusion", "video generation", "retrieval",
            "language model", "reasoning", "benchmark", "robotics", "multimodal", "vision language", "code generation",
            "speech", "3D", "graph", "optimization", "alignment", "safety", "evaluation", "dataset", "transformer",
            "attention", "memory", "planning", "tool use", "math", "physics", "medical", "chemistry", "biology",
            "compression", "quantization", "distillation", "scaling", "pretraining", "fine-tuning", "embedding",
            "search", "terminal", "world model"};

    @Test
    void send_one_digest_to_many_subscribers() throws Exception {
        int n = Integer.parseInt(System.getProperty("digest.bench"));
        Path dir = Files.createTempDirectory("digest-bench");
        GreenMail smtpServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtpServer.start();
        try (DigestWorld world = new DigestWorld(dir, smtpServer)) {
            long t0 = System.nanoTime();
            insertSubscribers(world, n);
            System.out.printf(Locale.ROOT, "inserted %,d confirmed subscribers in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            SmtpMailer smtp = world.smtp();
            // -Ddigest.bench.mailer=none measures everything but SMTP (rendering, tokens, database).
            DigestService digests = world.service("none".equals(System.getProperty("digest.bench.mailer")) ? m -> {} : smtp);
            List<String> heap = new ArrayList<>();
            long[] paused = {0};
            int[] nextCheck = {1_000};
            SendOptions d = SendOptions.defaults();
            SendOptions options = new SendOptions(d.pageSize(), Integer.getInteger("digest.bench.threads", d.threads()), d.lease(),
                    d.maxAttempts(), d.firstBackoff(), false);
            long start = System.nanoTime();
            SendSummary summary = digests.send(DigestPeriod.DAILY, DigestWorld.DAY, options, (done, total) -> {
                if (done >= nextCheck[0] || done == total) {
                    long p0 = System.nanoTime();
                    // GreenMail keeps every message and an account per recipient (~0.9 KB each): drop both, or
                    // the figure would measure GreenMail.
                    try {
                        smtpServer.purgeEmailFromAllMailboxes();
                        for (var user : List.copyOf(smtpServer.getUserManager().listUser())) {
                            smtpServer.getUserManager().deleteUser(user);
                        }
                    } catch (com.icegreen.greenmail.store.FolderException e) {
                        throw new IllegalStateException(e);
                    }
                    heap.add(String.format(Locale.ROOT, "%,d: %.1f MB", done, heapAfterGc() / 1e6));
                    nextCheck[0] += 1_000;
                    paused[0] += System.nanoTime() - p0;
                }
            });
            double seconds = (System.nanoTime() - start - paused[0]) / 1e9;
            System.out.println("summary: " + summary);
            System.out.printf(Locale.ROOT, "sent %,d in %.1f s (excluding %.1f s of heap checkpoints): %.0f mails/s; %d sender threads, pages of %d%n",
                    summary.sent(), seconds, paused[0] / 1e9, summary.sent() / seconds, options.threads(), options.pageSize());
            System.out.println("heap after full GC, by subscribers done: " + String.join("; ", heap));
            System.out.println("max heap: " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB; processors: "
                    + Runtime.getRuntime().availableProcessors() + "; load average at end: "
                    + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            smtpServer.stop();
        }
    }

    private static void insertSubscribers(DigestWorld world, int n) {
        world.database.jdbi().useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO digest_subscription (email, period, topics, status, created_at, updated_at)"
                    + " VALUES (:email, 'daily', :topics, 'confirmed', 0, 0)");
            for (int i = 0; i < n; i++) {
                String topics = i % 3 == 0 ? "[]" : i % 3 == 1 ? "[\"" + TOPICS[i % TOPICS.length] + "\"]"
                        : "[\"" + TOPICS[i % TOPICS.length] + "\",\"" + TOPICS[(i + 1 + (i / 7) % (TOPICS.length - 1)) % TOPICS.length] + "\"]";
                batch.bind("email", String.format(Locale.ROOT, "reader%06d@example.org", i)).bind("topics", topics).add();
            }
            batch.execute();
        });
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
