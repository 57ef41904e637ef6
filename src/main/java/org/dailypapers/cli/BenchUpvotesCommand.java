package org.dailypapers.cli;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import org.dailypapers.account.Accounts;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedDays;
import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench upvotes}: N distinct people upvote one paper at once over HTTP (session cookie, CSRF header,
 * htmx request, like the browser), on a fresh SQLite database; checks the count is exact and reports the
 * throughput. Exit code 1 when a request failed or the count is off.
 */
@Command(name = "upvotes", mixinStandardHelpOptions = true,
        description = "Concurrent upvotes from distinct people on one paper: exact count and throughput.")
public final class BenchUpvotesCommand implements Callable<Integer> {
    static final ArxivId PAPER = new ArxivId("2608.00001");
    static final int IMPORTED = 42;

    @Option(names = "--people", defaultValue = "1000", description = "distinct people, one upvote each (default: ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--concurrency", defaultValue = "1000",
            description = "requests in flight at once (default: ${DEFAULT-VALUE}, i.e. all at once)")
    int concurrency;

    @Option(names = "--rounds", defaultValue = "3", description = "times to repeat on fresh databases (default: ${DEFAULT-VALUE})")
    int rounds;

    @Override
    public Integer call() throws Exception {
        if (people < 1 || concurrency < 1 || rounds < 1) {
            throw new IllegalArgumentException("--people, --concurrency and --rounds must be at least 1");
        }
        boolean allExact = true;
        for (int round = 1; round <= rounds; round++) {
            allExact &= round(round);
        }
        return allExact ? 0 : 1;
    }

    private boolean round(int round) throws Exception {
        Path dir = Files.createTempDirectory("dailypapers-bench-upvotes");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DAILYPAPERS_DEMO", "false");
        env.put("DAILYPAPERS_EMBED", "false");
        env.remove("DAILYPAPERS_DB_URL");
        try (App app = App.open(AppConfig.resolve(env, dir, 0), Clock.systemUTC())) {
            Instant now = Instant.now();
            LocalDate today = FeedDays.dayOf(now);
            Paper paper = new Paper(PAPER, "A benchmark paper", "Its abstract.", List.of("A. Author"), now, List.of("cs.DC"),
                    null, null, null, null, null, List.of(), null);
            app.importer().importRecords(List.of(new PaperRecord(paper, new FeedEntry(PAPER, today, now, "bench", IMPORTED, 0), today)));
            List<Accounts.NewSession> sessions = new ArrayList<>(people);
            for (int i = 0; i < people; i++) {
                sessions.add(app.accounts().openSession(EmailAddress.parse("reader" + i + "@bench.example.org")));
            }
            Javalin web = app.web().start("127.0.0.1", 0);
            try {
                return measure(round, app, "http://127.0.0.1:" + web.port(), sessions);
            } finally {
                web.stop();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private boolean measure(int round, App app, String base, List<Accounts.NewSession> sessions) throws Exception {
        URI uri = URI.create(base + "/papers/" + PAPER.value() + "/upvote");
        CountDownLatch start = new CountDownLatch(1);
        Semaphore inFlight = new Semaphore(concurrency);
        long[] latencies = new long[sessions.size()];
        List<Future<Integer>> results = new ArrayList<>();
        long elapsed;
        try (HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < sessions.size(); i++) {
                Accounts.NewSession s = sessions.get(i);
                int index = i;
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .header("Cookie", "dp_session=" + s.cookie())
                        .header("X-CSRF-Token", s.session().csrfToken())
                        .header("HX-Request", "true")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("up=true")).build();
                results.add(threads.submit(() -> {
                    start.await();
                    inFlight.acquire();
                    try {
                        long t0 = System.nanoTime();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        latencies[index] = System.nanoTime() - t0;
                        return status;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<Integer> f : results) {
                f.get();
            }
            elapsed = System.nanoTime() - t0;
        }
        long failed = 0;
        for (Future<Integer> f : results) {
            if (f.get() != 200) {
                failed++;
            }
        }
        int shown = app.papers().find(PAPER).orElseThrow().entry().upvotes();
        int rows = app.upvotes().localVotes(PAPER);
        int expected = IMPORTED + sessions.size();
        Arrays.sort(latencies);
        boolean exact = failed == 0 && shown == expected && rows == sessions.size();
        System.out.printf("round %d: %d upvotes from distinct people, %d in flight: %.2f s, %.0f upvotes/s, latency p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms; failed %d; count %d (expected %d = %d imported + %d), rows %d: %s%n",
                round, sessions.size(), Math.min(concurrency, sessions.size()), elapsed / 1e9, sessions.size() / (elapsed / 1e9),
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                latencies[latencies.length - 1] / 1e6, failed, shown, expected, IMPORTED, sessions.size(), rows,
                exact ? "EXACT" : "WRONG");
        return exact;
    }
}
