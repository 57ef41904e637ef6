package org.dailypapers.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.dailypapers.account.Accounts;

/**
 * A closed-loop request mix over one or more app nodes (round-robin, as a load balancer would): feed pages,
 * paper pages, searches and votes by signed-in people, each request's kind drawn by weight. Latencies are kept
 * per node and per kind. Thread-safe per run.
 */
final class LoadMix {
    static final String DESCRIPTION = "40% feed (/, a day, the API), 30% paper page, 20% search (the default hybrid), 10% vote";
    private static final String[] QUERIES = {"diffusion", "reinforcement learning", "agents", "vision language model",
            "reasoning", "speech", "robot", "video generation", "retrieval augmented", "quantization"};

    enum Kind { FEED, PAPER, SEARCH, VOTE }

    private final List<String> nodes;
    private final List<Accounts.NewSession> sessions;
    private final List<String> paperIds;
    private final AtomicLong next = new AtomicLong();

    LoadMix(List<String> nodes, List<Accounts.NewSession> sessions, List<String> paperIds) {
        if (paperIds.isEmpty()) {
            throw new IllegalArgumentException("the feed has no papers to request");
        }
        this.nodes = List.copyOf(nodes);
        this.sessions = List.copyOf(sessions);
        this.paperIds = List.copyOf(paperIds);
    }

    /** Throughput and latencies of one run. */
    record Result(double seconds, List<String> nodes, long[][][] latencies, long errors) {
        double throughput() {
            long n = 0;
            for (long[][] perNode : latencies) {
                for (long[] perKind : perNode) {
                    n += perKind.length;
                }
            }
            return n / seconds;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("  all nodes: %.0f requests/s, %s, errors %d%n", throughput(), percentiles(all()), errors));
            for (int node = 0; node < nodes.size(); node++) {
                long[] mine = concat(latencies[node]);
                out.append(String.format("  node %d: %.0f requests/s, %s%n", node + 1, mine.length / seconds, percentiles(mine)));
            }
            for (Kind kind : Kind.values()) {
                List<long[]> perNode = new ArrayList<>();
                for (long[][] perKind : latencies) {
                    perNode.add(perKind[kind.ordinal()]);
                }
                long[] all = concat(perNode.toArray(long[][]::new));
                out.append(String.format("    %-6s %7.0f requests/s, %s%n", kind.name().toLowerCase(), all.length / seconds, percentiles(all)));
            }
            return out.toString();
        }

        private long[] all() {
            List<long[]> every = new ArrayList<>();
            for (long[][] perNode : latencies) {
                every.addAll(Arrays.asList(perNode));
            }
            return concat(every.toArray(long[][]::new));
        }

        private static long[] concat(long[][] parts) {
            return Arrays.stream(parts).flatMapToLong(Arrays::stream).sorted().toArray();
        }

        private static String percentiles(long[] sorted) {
            if (sorted.length == 0) {
                return "no requests";
            }
            return String.format("p50 %.1f ms, p99 %.1f ms", sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }

    Result run(Duration length, int concurrency) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        List<List<List<Long>>> recorded = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            List<List<Long>> perKind = new ArrayList<>();
            for (int k = 0; k < Kind.values().length; k++) {
                perKind.add(java.util.Collections.synchronizedList(new ArrayList<>()));
            }
            recorded.add(perKind);
        }
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        int node = (int) (next.getAndIncrement() % nodes.size());
                        Kind kind = draw();
                        long t0 = System.nanoTime();
                        try {
                            int status = http.send(request(nodes.get(node), kind), HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                            recorded.get(node).get(kind.ordinal()).add(System.nanoTime() - t0);
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[][][] latencies = new long[nodes.size()][Kind.values().length][];
        for (int n = 0; n < nodes.size(); n++) {
            for (int k = 0; k < Kind.values().length; k++) {
                latencies[n][k] = recorded.get(n).get(k).stream().mapToLong(Long::longValue).toArray();
            }
        }
        return new Result(seconds, nodes, latencies, errors.get());
    }

    private static Kind draw() {
        int r = ThreadLocalRandom.current().nextInt(100);
        return r < 40 ? Kind.FEED : r < 70 ? Kind.PAPER : r < 90 ? Kind.SEARCH : Kind.VOTE;
    }

    private HttpRequest request(String base, Kind kind) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String paper = paperIds.get(random.nextInt(paperIds.size()));
        return switch (kind) {
            case FEED -> get(base + new String[] {"/", "/api/daily_papers", "/papers/trending"}[random.nextInt(3)]);
            case PAPER -> get(base + "/papers/" + paper);
            case SEARCH -> get(base + "/search?q=" + URLEncoder.encode(QUERIES[random.nextInt(QUERIES.length)], StandardCharsets.UTF_8));
            case VOTE -> {
                Accounts.NewSession s = sessions.get(random.nextInt(sessions.size()));
                yield HttpRequest.newBuilder(URI.create(base + "/papers/" + paper + "/upvote"))
                        .header("Cookie", "dp_session=" + s.cookie())
                        .header("X-CSRF-Token", s.session().csrfToken())
                        .header("HX-Request", "true")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("up=" + random.nextBoolean())).build();
            }
        };
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    }
}
