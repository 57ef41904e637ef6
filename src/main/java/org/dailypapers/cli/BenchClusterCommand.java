package org.dailypapers.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import org.dailypapers.account.Accounts;
import org.dailypapers.mail.EmailAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench cluster}: the same request mix (feed, paper, search and vote requests) against the embedded
 * default (one process on SQLite) and against 1 and 2 app nodes sharing one PostgreSQL database, each node a
 * {@code serve} process of its own on this machine, all loaded with the bundled demo data. Prints throughput and
 * latency per configuration and per node, and each configuration's throughput relative to the embedded one.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Load 1 and 2 app nodes on PostgreSQL and the embedded default with the same request mix.",
                "Needs a PostgreSQL database it may fill (--db-url; scripts/bench-cluster.sh starts a throwaway one)."})
public final class BenchClusterCommand implements Callable<Integer> {
    @Option(names = "--db-url", required = true, description = "JDBC URL of an empty PostgreSQL database")
    String dbUrl;

    @Option(names = "--seconds", defaultValue = "30", description = "load per configuration (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--concurrency", defaultValue = "32", description = "requests in flight (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--nodes", defaultValue = "1,2", split = ",", description = "node counts on PostgreSQL (default: ${DEFAULT-VALUE})")
    List<Integer> nodeCounts;

    @Option(names = "--node-heap", defaultValue = "512m", description = "each node's -Xmx (default: ${DEFAULT-VALUE})")
    String nodeHeap;

    @Option(names = "--solr-url", paramLabel = "URLS",
            description = "SolrCloud node URLs: the PostgreSQL configurations search on Solr (DAILYPAPERS_SEARCH_BACKEND=solr),"
                    + " in a new alias bench_<time> that the run deletes")
    String solrUrl;

    /** The alias of this run's Solr collection, when {@link #solrUrl} is given. */
    private final String solrAlias = "bench_" + Long.toString(System.currentTimeMillis(), 36);

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || concurrency < 1) {
            throw new IllegalArgumentException("--seconds and --concurrency must be at least 1");
        }
        Path work = Files.createTempDirectory("dailypapers-bench-cluster");
        System.out.printf("machine: %d cores; load %.2f at start; %d s per configuration, %d requests in flight; mix %s%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                seconds, concurrency, LoadMix.DESCRIPTION);
        try {
            LoadMix.Result embedded = run("embedded (SQLite, 1 process)", work.resolve("embedded"), null, 1);
            for (int n : nodeCounts) {
                LoadMix.Result r = run(n + " node(s) on PostgreSQL" + (solrUrl == null ? "" : " + SolrCloud"),
                        work.resolve("pg" + n), dbUrl, n);
                System.out.printf("  ratio to embedded: %.2fx throughput%n", r.throughput() / embedded.throughput());
            }
            return 0;
        } finally {
            deleteTree(work);
            if (solrUrl != null) {
                var config = org.dailypapers.solr.SolrConfig.of(solrUrl).withAlias(solrAlias);
                var collections = new org.dailypapers.solr.SolrCollections(
                        new org.dailypapers.solr.SolrHttp(solrUrl, config.timeout()), config);
                collections.aliasTarget(solrAlias).ifPresent(c -> {
                    collections.deleteAlias(solrAlias);
                    collections.deleteCollection(c);
                });
            }
        }
    }

    /** The search backend of the PostgreSQL configurations: Solr with {@code --solr-url}. */
    private void searchBackend(Map<String, String> env, String db) {
        if (db != null && solrUrl != null) {
            env.put("DAILYPAPERS_SEARCH_BACKEND", "solr");
            env.put("DAILYPAPERS_SOLR_URL", solrUrl);
            env.put("DAILYPAPERS_SOLR_COLLECTION", solrAlias);
        } else {
            env.remove("DAILYPAPERS_SEARCH_BACKEND");
        }
    }

    private LoadMix.Result run(String name, Path dir, String db, int nodes) throws Exception {
        List<Process> processes = new ArrayList<>();
        try {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Path data = dir.resolve("node" + i);
                Files.createDirectories(data);
                processes.add(serve(data, db));
                urls.add(awaitReady(data, processes.get(i)).toString().replaceAll("/$", ""));
            }
            List<Accounts.NewSession> sessions = new ArrayList<>();
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("DAILYPAPERS_DEMO", "false");
            env.put("DAILYPAPERS_EMBED", "false");
            env.remove("DAILYPAPERS_DB_URL");
            if (db != null) {
                env.put("DAILYPAPERS_DB_URL", db);
            }
            searchBackend(env, db);
            // Sessions opened in the database directly: signing in by mail is not what is measured.
            List<String> ids;
            try (App app = App.openBesideServer(AppConfig.resolve(env, db == null ? dir.resolve("node0") : dir.resolve("sessions"), 0), Clock.systemUTC())) {
                for (int i = 0; i < 50; i++) {
                    sessions.add(app.accounts().openSession(EmailAddress.parse("reader" + i + "@bench.example.org")));
                }
                awaitSearchEngine(app);
                ids = app.feed().latestDay().map(d -> app.feed().papers(org.dailypapers.feed.FeedPeriod.day(d))).orElseThrow()
                        .stream().map(p -> p.paper().id().value()).toList();
            }
            LoadMix mix = new LoadMix(urls, sessions, ids);
            mix.run(Duration.ofSeconds(Math.min(5, seconds)), concurrency); // warm-up: JIT, caches
            LoadMix.Result result = mix.run(Duration.ofSeconds(seconds), concurrency);
            System.out.printf("== %s (load %.2f after)%n%s", name, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), result);
            return result;
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** A {@code serve} process on this JVM's class path and flags (heap: {@code --node-heap}). */
    private Process serve(Path data, String db) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-Xmx") && !a.startsWith("-XX:SharedArchiveFile") && !a.startsWith("-agentlib"))
                .forEach(command::add);
        command.add("-Xmx" + nodeHeap);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(data.resolve("serve.log").toFile()).redirectErrorStream(true);
        builder.environment().put("DAILYPAPERS_HARVEST_ENABLED", "false");
        // Every paper has a vector (shipped with the demo; on PostgreSQL shared by the node that loaded it): nothing to
        // encode in the background during the run.
        builder.environment().put("DAILYPAPERS_EMBED", "false");
        builder.environment().remove("DAILYPAPERS_DB_URL");
        if (db != null) {
            builder.environment().put("DAILYPAPERS_DB_URL", db);
        }
        searchBackend(builder.environment(), db);
        return builder.start();
    }

    /** With Solr: waits until the nodes wrote every queued paper to it, so that the run measures searches, not the fill. */
    private static void awaitSearchEngine(App app) throws InterruptedException {
        var outbox = app.searchOutbox();
        if (outbox.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long started = System.nanoTime();
        Thread.sleep(2_000); // the nodes create the collection and queue every paper first
        while (outbox.get().pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the nodes did not fill Solr within 10 minutes");
            }
            Thread.sleep(500);
        }
        System.out.printf("  Solr filled from the database in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static URI awaitReady(Path data, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("a node exited; its log: " + data.resolve("serve.log"));
            }
            var url = ServerAddressFile.read(data);
            if (url.isPresent()) {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(url.get().resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return url.get();
                }
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(100, 300));
        }
        throw new IllegalStateException("a node did not become ready within 5 minutes: " + data.resolve("serve.log"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
