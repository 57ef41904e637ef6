package org.dailypapers.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Account;
import org.dailypapers.curation.Action;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.search.EmbeddingModelName;
import org.dailypapers.search.OnnxEmbedder;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.testing.ChildJvm;
import org.dailypapers.testing.SolrCloudProcess;
import org.dailypapers.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App nodes in distributed mode ({@code DAILYPAPERS_SEARCH_BACKEND=solr}) on one PostgreSQL and the real cluster
 * of {@link SolrCloudProcess}: writes made by a node that cannot reach Solr wait in the database's outbox and arrive
 * once nodes that can reach it run; a paper imported (as a submission or harvest does) on node A is found by a search
 * on node B; an administrator's hiding on A holds on B; searches on a node give what eval's Solr path gives on the
 * same collection, and what the embedded index gives on the same papers.
 */
class SolrServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> QUERIES = List.of("language model reasoning", "diffusion", "\"world model\"",
            "agents -reinforcement", "title:video generation", "benchmark for multimodal", "model");

    @TempDir
    Path dir;

    @Test
    void nodes_share_solr_through_the_outbox() throws Exception {
        TestPostgres.requireServer();
        String database = TestPostgres.freshDatabase();
        String alias = "serve_test_" + Long.toString(System.nanoTime(), 36);
        SolrConfig config = SolrConfig.of(SolrCloudProcess.get().urls()).withAlias(alias);
        SolrHttp http = new SolrHttp(config.urls(), config.timeout());
        SolrCollections collections = new SolrCollections(http, config);
        try {
            // Node C cannot reach Solr: what it imports waits in the outbox, and its own index answers its searches.
            int closedPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            try (TestInstance c = TestInstance.withEnv(dir.resolve("c"), env(database, "http://127.0.0.1:" + closedPort + "/solr", alias),
                    "hf/2024-05-27.json", "hf/2024-05-28.json", "hf/2026-08-20.json")) {
                SearchOutbox outbox = c.app().searchOutbox().orElseThrow();
                long imported = c.app().papers().count();
                assertThat(outbox.pending()).isEqualTo(imported).isGreaterThan(30);
                assertThat(c.app().startSearchOutbox()).isTrue();
                Thread.sleep(1_500); // a few rounds of the worker
                assertThat(outbox.pending()).as("kept while Solr cannot be reached").isEqualTo(imported);
                assertThat(c.app().search().search(SearchRequest.of("diffusion", 10)))
                        .as("answered from node C's own index").isNotEmpty();
                assertThat(c.app().search().backendState()).isEqualTo("solr-unreachable, local fallback");
            }
            assertThat(collections.aliasTarget(alias)).as("node C never reached Solr").isEmpty();

            Map<String, String> up = env(database, config.urls(), alias);
            try (TestInstance a = TestInstance.withEnv(dir.resolve("a"), up).start();
                    TestInstance b = TestInstance.withEnv(dir.resolve("b"), up).start()) {
                a.app().startSearchOutbox();
                b.app().startSearchOutbox();
                SearchOutbox outbox = b.app().searchOutbox().orElseThrow();
                long papers = b.app().papers().count();
                waitFor("node C's writes reach Solr once A and B run", () -> outbox.pending() == 0
                        && new SolrPaperIndex(http, alias).count() == papers);
                assertThat(collections.aliasTarget(alias)).as("the nodes created the collection and alias").isPresent();

                // a paper imported on A (a submission and a harvest save through the same importer) is found on B
                assertThat(apiSearch(b, "\"Awakening Static Worlds\"")).isEmpty();
                a.importFixtures("hf/2026-08-21.json");
                waitFor("A's import is searchable on B", () -> apiSearch(b, "\"Awakening Static Worlds\"").equals(List.of("2608.19880")));

                // an administrator hides it on A: gone from B's searches at once
                Account admin = a.app().accounts().openSession(EmailAddress.parse("root@example.org")).session().account();
                a.app().curation().apply(admin, Action.HIDE, new ArxivId("2608.19880"), "test");
                assertThat(apiSearch(b, "\"Awakening Static Worlds\"")).isEmpty();
                waitFor("the curated paper's document is rewritten", () -> outbox.pending() == 0);

                // BM25's statistics count rewritten documents until segments merge: both indexes are rebuilt so that
                // they hold each paper once; the Solr one without downtime (a new collection, then the alias moves)
                String before = collections.aliasTarget(alias).orElseThrow();
                SolrReindexer.Result rebuilt = new SolrReindexer(http, config, b.app().papers(), outbox).reindex();
                assertThat(rebuilt.replaced()).isEqualTo(before);
                assertThat(collections.aliasTarget(alias)).contains(rebuilt.collection());
                assertThat(apiSearch(b, "diffusion")).isNotEmpty();

                // the same results as eval's Solr path (SolrSearchEngine on the alias) and as the embedded index
                SolrSearchEngine evalPath = new SolrSearchEngine(new SolrPaperIndex(http, alias), null, SearchPipeline.named("bm25", null));
                try (TestInstance embedded = TestInstance.withEnv(dir.resolve("embedded"), Map.of("DAILYPAPERS_SEARCH_METHOD", "bm25",
                        "DAILYPAPERS_EMBED", "false", "DAILYPAPERS_ADMINS", "root@example.org"), "hf/2024-05-27.json", "hf/2024-05-28.json", "hf/2026-08-20.json",
                        "hf/2026-08-21.json")) {
                    embedded.app().curation().apply(embedded.app().accounts().openSession(EmailAddress.parse("root@example.org")).session().account(),
                            Action.HIDE, new ArxivId("2608.19880"), "test");
                    List<SearchRequest> requests = new ArrayList<>(QUERIES.stream().map(q -> SearchRequest.of(q, 10)).toList());
                    requests.add(SearchRequest.of("model", 10).withDays(java.time.LocalDate.parse("2024-05-28"), java.time.LocalDate.parse("2026-08-20")));
                    requests.add(SearchRequest.of("", 10).withDays(java.time.LocalDate.parse("2024-05-27"), java.time.LocalDate.parse("2024-05-27")));
                    embedded.app().search().reindex();
                    for (SearchRequest request : requests) {
                        String q = request.toString();
                        List<String> onB = ids(b.app().search().search(request));
                        assertThat(onB).as(q).isNotEmpty();
                        if (request.from() == null) {
                            assertThat(apiSearch(b, request.query())).as("the API of node B: " + q).isEqualTo(onB);
                        }
                        assertThat(onB).as("eval's Solr path: " + q)
                                .isEqualTo(ids(evalPath.retrieve(request)).stream().filter(id -> !id.equals("2608.19880")).limit(10).toList());
                        if (request.query().isBlank()) {
                            continue; // newest first: papers of one day tie, and each index breaks ties its own way
                        }
                        List<ScoredPaper> there = embedded.app().search().search(request);
                        List<ScoredPaper> here = b.app().search().search(request);
                        assertThat(ids(here)).as("the embedded index: " + q).isEqualTo(ids(there));
                        for (int i = 0; i < here.size(); i++) {
                            assertThat(here.get(i).score()).as(q + ": " + here.get(i).id())
                                    .isCloseTo(there.get(i).score(), within(1e-4 * Math.max(1, there.get(i).score())));
                        }
                    }
                }
            }
        } finally {
            collections.aliasTarget(alias).ifPresent(collection -> {
                collections.deleteAlias(alias);
                collections.deleteCollection(collection);
            });
        }
    }

    @Test
    void hybrid_search_and_similar_papers_run_on_solr_with_the_vectors_the_node_computed() throws Exception {
        String alias = "hybrid_test_" + Long.toString(System.nanoTime(), 36);
        SolrConfig config = SolrConfig.of(SolrCloudProcess.get().urls()).withAlias(alias);
        SolrHttp http = new SolrHttp(config.urls(), config.timeout());
        SolrCollections collections = new SolrCollections(http, config);
        Map<String, String> env = new HashMap<>(env(null, config.urls(), alias));
        env.put("DAILYPAPERS_SEARCH_METHOD", "hybrid");
        env.put("DAILYPAPERS_SEARCH_MODEL", "all-minilm-l6-v2-q");
        env.put("DAILYPAPERS_EMBED", "true");
        try (TestInstance node = TestInstance.withEnv(dir.resolve("hybrid"), env, "hf/2026-08-20.json");
                OnnxEmbedder embedder = OnnxEmbedder.load(EmbeddingModelName.ALL_MINILM_L6_V2_Q)) {
            PaperSearch search = node.app().search();
            node.app().startSearchOutbox();
            search.startBackground();
            SearchOutbox outbox = node.app().searchOutbox().orElseThrow();
            List<String> all = new ArrayList<>();
            node.app().papers().forEach(r -> all.add(r.paper().id().value()));
            SolrPaperIndex solr = new SolrPaperIndex(http, alias);
            // the background worker encodes; each vector it computes is queued and written to Solr
            waitFor("every paper reaches Solr with its vector", () -> search.status().modelLoaded() && outbox.pending() == 0
                    && solr.count() == all.size() && solr.withoutVector(java.util.Set.copyOf(all)).isEmpty());
            waitFor("searches use the full pipeline", () -> search.warmingUpNotice().isEmpty());

            SolrSearchEngine evalPath = new SolrSearchEngine(solr, embedder, node.app().config().search().pipeline());
            for (String q : QUERIES) {
                SearchRequest request = SearchRequest.of(q, 10);
                List<ScoredPaper> here = search.search(request);
                assertThat(ids(here)).as(q).isNotEmpty().isEqualTo(ids(evalPath.retrieve(request)));
            }
            assertThat(search.method()).isEqualTo(evalPath.tag()).contains("all-minilm");
            List<ScoredPaper> similar = search.similar(new ArxivId(all.get(0)), 5);
            assertThat(ids(similar)).hasSize(5).doesNotContain(all.get(0)).isEqualTo(ids(evalPath.similar(all.get(0), 5)));
        } finally {
            collections.aliasTarget(alias).ifPresent(collection -> {
                collections.deleteAlias(alias);
                collections.deleteCollection(collection);
            });
        }
    }

    @Test
    void a_serve_node_answers_with_the_same_results_while_a_solr_node_is_down() throws Exception {
        String alias = "kill_test_" + Long.toString(System.nanoTime(), 36);
        SolrCloudProcess cluster = SolrCloudProcess.get();
        SolrConfig config = SolrConfig.of(cluster.urls()).withAlias(alias);
        SolrHttp http = new SolrHttp(config.urls(), config.timeout());
        SolrCollections collections = new SolrCollections(http, config);
        // 2 shards x 2 replicas on the 2 Solr nodes: each node holds a whole copy; the node's client asks node 1 first
        List<String> urls = new ArrayList<>(List.of(cluster.urls().split(",")));
        java.util.Collections.reverse(urls);
        Map<String, String> env = new HashMap<>(env(null, String.join(",", urls), alias));
        env.put("DAILYPAPERS_SOLR_REPLICAS", "2");
        try (TestInstance node = TestInstance.withEnv(dir.resolve("kill"), env, "hf/2024-05-27.json", "hf/2024-05-28.json",
                "hf/2026-08-20.json").start()) {
            // before the outbox worker created the alias, Solr answers "no such collection": the node's index answers
            assertThat(apiSearch(node, "diffusion")).isNotEmpty();
            assertThat(node.app().search().backendState()).isEqualTo("solr-unreachable, local fallback");
            node.app().startSearchOutbox();
            SearchOutbox outbox = node.app().searchOutbox().orElseThrow();
            long papers = node.app().papers().count();
            waitFor("every paper reaches Solr", () -> outbox.pending() == 0 && new SolrPaperIndex(http, alias).count() == papers);
            waitFor("searches run on Solr again after the back-off", () -> !apiSearch(node, "diffusion").isEmpty()
                    && node.app().search().backendState().equals("solr"));
            List<List<String>> before = QUERIES.stream().map(q -> apiSearch(node, q)).toList();
            assertThat(before).allSatisfy(ids -> assertThat(ids).isNotEmpty());
            cluster.stopNode(1);
            try {
                for (int i = 0; i < QUERIES.size(); i++) {
                    assertThat(apiSearch(node, QUERIES.get(i))).as(QUERIES.get(i)).isEqualTo(before.get(i));
                }
                assertThat(node.app().search().backendState()).as("Solr answered, not the node's own index").isEqualTo("solr");
                assertThat(node.get("/search?q=diffusion").statusCode()).isEqualTo(200);
            } finally {
                cluster.startNode(1);
            }
        } finally {
            collections.aliasTarget(alias).ifPresent(collection -> {
                collections.deleteAlias(alias);
                collections.deleteCollection(collection);
            });
        }
    }

    @Test
    void solr_reindex_rebuilds_the_collection_from_the_database_from_the_command_line() throws Exception {
        Path data = dir.resolve("cli");
        try (TestInstance ignored = TestInstance.withFixtures(data, "hf")) {
            // 60 papers in a SQLite database
        }
        String alias = "cli_test_" + Long.toString(System.nanoTime(), 36);
        SolrConfig config = SolrConfig.of(SolrCloudProcess.get().urls()).withAlias(alias);
        SolrCollections collections = new SolrCollections(new SolrHttp(config.urls(), config.timeout()), config);
        String old = collections.ensureAlias(); // an empty collection that searches use until the switch
        try {
            Map<String, String> env = new HashMap<>(env(null, config.urls(), alias));
            env.put("DAILYPAPERS_SOLR_REPLICAS", "1");
            Process reindex = ChildJvm.start(data, List.of("-Xmx384m"), env, "solr", "reindex", "--data", data.toString());
            assertThat(reindex.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("solr reindex ends").isTrue();
            String out = java.nio.file.Files.readString(data.resolve("out.txt"));
            assertThat(reindex.exitValue()).as(out + java.nio.file.Files.readString(data.resolve("err.txt"))).isZero();
            String collection = collections.aliasTarget(alias).orElseThrow();
            assertThat(collection).isNotEqualTo(old);
            assertThat(out).contains("Reindexed 60 papers into " + collection, "(" + old + " deleted)");
            assertThat(collections.collections()).doesNotContain(old);
            assertThat(new SolrPaperIndex(new SolrHttp(config.urls(), config.timeout()), alias).count()).isEqualTo(60);

            Process embedded = ChildJvm.start(data, List.of("-Xmx384m"), Map.of(), "solr", "reindex", "--data", data.toString());
            assertThat(embedded.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(embedded.exitValue()).as("a usage error without the solr backend").isEqualTo(2);
            assertThat(java.nio.file.Files.readString(data.resolve("err.txt"))).contains("DAILYPAPERS_SEARCH_BACKEND=solr");
        } finally {
            collections.aliasTarget(alias).ifPresent(collection -> {
                collections.deleteAlias(alias);
                collections.deleteCollection(collection);
            });
        }
    }

    private static Map<String, String> env(String database, String solrUrl, String alias) {
        Map<String, String> env = new HashMap<>();
        if (database != null) {
            env.put("DAILYPAPERS_DB_URL", database);
        }
        env.put("DAILYPAPERS_SEARCH_BACKEND", "solr");
        env.put("DAILYPAPERS_SOLR_URL", solrUrl);
        env.put("DAILYPAPERS_SOLR_COLLECTION", alias);
        env.put("DAILYPAPERS_SOLR_SHARDS", "2");
        env.put("DAILYPAPERS_SOLR_REPLICAS", "1");
        env.put("DAILYPAPERS_SEARCH_METHOD", "bm25");
        env.put("DAILYPAPERS_EMBED", "false");
        env.put("DAILYPAPERS_ADMINS", "root@example.org");
        return env;
    }

    private static List<String> apiSearch(TestInstance node, String query) {
        HttpResponse<String> response = node.get("/api/papers/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=10");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode item : JSON.readTree(response.body())) {
                ids.add(item.path("paper").path("id").asText());
            }
            return ids;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> ids(List<ScoredPaper> results) {
        return results.stream().map(ScoredPaper::id).toList();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
