package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import org.dailypapers.ingest.ImportProgress;
import org.dailypapers.testing.ChildJvm;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one PostgreSQL database, as two stateless app nodes behind a load balancer: a
 * session made on one works on the other, a vote on one shows on the other's cached pages at once (LISTEN/NOTIFY,
 * not the 10 s cache expiry), papers imported by a third process are searchable on both, and when one node is
 * killed (SIGKILL) under load no request to the survivor fails and no vote is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeClusterTest {
    private static final Path EXAMPLES = Path.of("examples/hf-daily-papers");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    static String database;
    static Node a;
    static Node b;

    record Node(String name, Process process, Path data, String url) {
        String at(String path) {
            return url + path;
        }
    }

    @BeforeAll
    static void startTwoNodes() throws Exception {
        TestPostgres.requireServer();
        database = TestPostgres.freshDatabase();
        try (App seed = App.open(config(dir.resolve("seed")), Clock.systemUTC())) {
            seed.importer().importPaths(List.of(EXAMPLES.resolve("2026-08-20.json")), ImportProgress.NONE);
        }
        Process pa = serve("a");
        Process pb = serve("b");
        a = ready("a", pa);
        b = ready("b", pb);
    }

    @AfterAll
    static void stop() {
        for (Node n : new Node[] {a, b}) {
            if (n != null) {
                n.process().destroy();
                try {
                    n.process().waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                n.process().destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void a_session_made_on_one_node_works_on_the_other_and_a_vote_shows_on_both_at_once() throws Exception {
        String[] node = {a.url()};
        Visitor visitor = new Visitor(path -> node[0] + path);
        visitor.requestLink("ada@example.org");
        visitor.useLink(Visitor.linkFromOutbox(a.data(), "ada@example.org"));

        node[0] = b.url();
        assertThat(visitor.get("/account/state").body()).as("signed in on B").contains("\"signedIn\":true");
        visitor.learnToken();
        int before = upvotes(a, "2608.16590"); // A has the paper (and its feed) cached now
        upvotes(b, "2608.16590");

        long voted = System.nanoTime();
        assertThat(visitor.htmx("/papers/2608.16590/upvote", Map.of("up", "true")).statusCode()).isEqualTo(200);
        long seenOnA = untilTrue(Duration.ofSeconds(8), () -> upvotes(a, "2608.16590") == before + 1);
        assertThat(upvotes(b, "2608.16590")).isEqualTo(before + 1);
        assertThat(Duration.ofNanos(seenOnA - voted)).as("A drops its cached pages when told, not when they expire (10 s)")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(get(a, "/papers/date/2026-08-20").body()).contains("2608.16590");
    }

    @Test
    @Order(2)
    void papers_imported_by_another_process_are_on_both_nodes_feeds_and_searches() throws Exception {
        try (App importer = App.open(config(dir.resolve("importer")), Clock.systemUTC())) {
            importer.importer().importPaths(List.of(EXAMPLES.resolve("2026-08-21.json")), ImportProgress.NONE);
        }
        for (Node n : List.of(a, b)) {
            untilTrue(Duration.ofSeconds(30), () -> get(n, "/api/papers/search?q=EnvHarness&limit=5").body().contains("2608.19880"));
            assertThat(get(n, "/").body()).as(n.name()).contains("Aug 21, 2026");
        }
    }

    @Test
    @Order(3)
    void when_a_node_is_killed_under_load_the_survivor_fails_nothing_and_no_vote_is_lost() throws Exception {
        String[] node = {a.url()};
        Visitor signIn = new Visitor(path -> node[0] + path);
        signIn.requestLink("grace@example.org");
        signIn.useLink(Visitor.linkFromOutbox(a.data(), "grace@example.org"));
        String session = signIn.cookie(sessionCookie(signIn));

        List<String> ids = new ArrayList<>();
        for (JsonNode item : JSON.readTree(get(a, "/api/daily_papers?date=2026-08-21").body())) {
            ids.add(item.get("paper").get("id").asText());
        }
        Map<String, Integer> before = new ConcurrentHashMap<>();
        for (String id : ids) {
            before.put(id, upvotes(a, id));
        }

        AtomicBoolean bAlive = new AtomicBoolean(true);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger servedByA = new AtomicInteger();
        List<String> failuresOnA = new CopyOnWriteArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<?>> load = new ArrayList<>();
        String[] paths = {"/", "/papers/date/2026-08-21", "/api/daily_papers?date=2026-08-21", "/papers/2608.19880",
                "/api/papers/search?q=agents&limit=10", "/papers/trending"};
        for (int t = 0; t < 3; t++) {
            int offset = t;
            load.add(readers.submit(() -> {
                for (int i = offset; loading.get(); i++) {
                    Node target = i % 2 == 0 || !bAlive.get() ? a : b;
                    String path = paths[i % paths.length];
                    try {
                        HttpResponse<String> r = get(target, path);
                        if (target == a) {
                            servedByA.incrementAndGet();
                            if (r.statusCode() != 200) {
                                failuresOnA.add(path + " -> " + r.statusCode());
                            }
                        }
                    } catch (Exception e) {
                        if (target == a) {
                            failuresOnA.add(path + " -> " + e);
                        } // a request in flight to the killed node may fail: a load balancer retries it elsewhere
                    }
                }
                return null;
            }));
        }

        // One person votes for every paper, alternating nodes; B is killed halfway. A vote whose answer was lost
        // with B is sent again to A, as a load balancer would (setting a vote is idempotent).
        Visitor onA = voter(a, session);
        Visitor onB = voter(b, session);
        for (int i = 0; i < ids.size(); i++) {
            if (i == ids.size() / 2) {
                b.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
                bAlive.set(false);
            }
            String id = ids.get(i);
            boolean done = false;
            if (i % 2 == 1 && bAlive.get()) {
                try {
                    done = onB.htmx("/papers/" + id + "/upvote", Map.of("up", "true")).statusCode() == 200;
                } catch (RuntimeException e) {
                    done = false;
                }
            }
            if (!done) {
                assertThat(onA.htmx("/papers/" + id + "/upvote", Map.of("up", "true")).statusCode()).as(id).isEqualTo(200);
            }
        }
        Thread.sleep(1_000);
        loading.set(false);
        for (Future<?> f : load) {
            f.get(60, TimeUnit.SECONDS);
        }
        readers.shutdown();

        assertThat(failuresOnA).isEmpty();
        assertThat(servedByA.get()).isGreaterThan(20);
        for (String id : ids) {
            assertThat(upvotes(a, id)).as(id).isEqualTo(before.get(id) + 1);
        }
    }

    private static Visitor voter(Node node, String session) {
        Visitor v = new Visitor(node::at);
        v.setCookie(SESSION_COOKIE, session);
        v.learnToken();
        return v;
    }

    private static final String SESSION_COOKIE = "dp_session";

    private static String sessionCookie(Visitor v) {
        assertThat(v.cookie(SESSION_COOKIE)).as("the session cookie is named " + SESSION_COOKIE).isNotNull();
        return SESSION_COOKIE;
    }

    private static AppConfig config(Path data) {
        return AppConfig.resolve(Map.of("DAILYPAPERS_DEMO", "false", "DAILYPAPERS_EMBED", "false",
                "DAILYPAPERS_DB_URL", database, "DAILYPAPERS_SEARCH_METHOD", "bm25"), data, null);
    }

    private static Process serve(String name) throws Exception {
        Path data = dir.resolve(name);
        Files.createDirectories(data);
        return ChildJvm.start(data, List.of("-Xmx384m"), Map.of("DAILYPAPERS_DB_URL", database,
                        "DAILYPAPERS_SEARCH_METHOD", "bm25", "DAILYPAPERS_HARVEST_ENABLED", "false"),
                "serve", "--port", "0", "--data", data.toString());
    }

    private static Node ready(String name, Process process) throws Exception {
        Path data = dir.resolve(name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(name + " exited: " + Files.readString(data.resolve("err.txt"))).isTrue();
            Optional<URI> url = ServerAddressFile.read(data);
            if (url.isPresent()) {
                return new Node(name, process, data, url.get().toString().replaceAll("/$", ""));
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not start within 180 s: " + Files.readString(data.resolve("err.txt")));
    }

    private static HttpResponse<String> get(Node node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.at(path))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int upvotes(Node node, String id) throws Exception {
        HttpResponse<String> r = get(node, "/api/papers/" + id);
        assertThat(r.statusCode()).as(node.name() + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("upvotes").asInt();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls until {@code check} holds; returns System.nanoTime() then. */
    private static long untilTrue(Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.ok()) {
            assertThat(System.nanoTime()).as("not within " + limit).isLessThan(deadline);
            Thread.sleep(25);
        }
        return System.nanoTime();
    }
}
