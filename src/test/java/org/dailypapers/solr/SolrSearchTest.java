package org.dailypapers.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.EmbeddingModelName;
import org.dailypapers.search.Fixture;
import org.dailypapers.search.OnnxEmbedder;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.SearchEngine;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.testing.SolrCloudProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The solr backend on a real SolrCloud cluster (2 nodes, a collection of 2 shards x 2 replicas) against the
 * embedded index, on the 30-paper fixture with the same vectors: BM25, kNN and hybrid give the same papers with the
 * same scores, filters and query syntax included, and search still answers, with the same results, while a node
 * is down.
 */
class SolrSearchTest {

    private static final List<String> QUERIES = List.of("graph neural networks", "diffusion models for images",
            "language model reasoning", "transformer attention", "reinforcement learning from human feedback",
            "the of and", "\"neural networks\"", "networks -graph", "title:diffusion images", "cat:cs.CL model",
            "org:google", "");

    /** The fixture paper indexed without a vector (in both backends). */
    private static final int WITHOUT_VECTOR = 0;

    private static Embedder embedder;
    private static PaperIndex embedded;
    private static SolrPaperIndex solr;
    private static SolrCollections collections;

    @BeforeAll
    static void index() {
        embedder = OnnxEmbedder.load(EmbeddingModelName.ALL_MINILM_L6_V2_Q);
        List<SearchDocument> docs = Fixture.papers();
        List<float[]> vectors = new java.util.ArrayList<>(
                embedder.embedDocuments(docs.stream().map(SearchDocument::embeddingText).toList()));
        vectors.set(WITHOUT_VECTOR, null); // as a paper whose vector the background worker has not computed yet
        embedded = PaperIndex.inMemory(org.dailypapers.search.VectorStorage.FLOAT32);
        for (int i = 0; i < docs.size(); i++) {
            embedded.upsert(docs.get(i), vectors.get(i));
        }
        embedded.commit();
        SolrCloudProcess cluster = SolrCloudProcess.get();
        SolrConfig config = SolrConfig.of(cluster.urls()).withAlias("search_test");
        SolrHttp http = new SolrHttp(config.urls(), config.timeout());
        collections = new SolrCollections(http, config);
        String collection = collections.ensureAlias();
        assertThat(collection).startsWith("search_test_");
        solr = new SolrPaperIndex(http, config.alias());
        List<SolrPaperIndex.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            entries.add(new SolrPaperIndex.Entry(docs.get(i), vectors.get(i)));
        }
        solr.upsert(entries);
        solr.commit();
    }

    @AfterAll
    static void close() throws IOException {
        embedded.close();
        ((OnnxEmbedder) embedder).close();
        collections.aliasTarget("search_test").ifPresent(c -> {
            collections.deleteAlias("search_test");
            collections.deleteCollection(c);
        });
    }

    @Test
    void the_collection_holds_every_paper_across_its_shards() {
        assertThat(solr.count()).isEqualTo(Fixture.papers().size());
    }

    @Test
    void bm25_dense_and_hybrid_match_the_embedded_index() {
        for (String method : List.of("bm25", "dense", "hybrid", "hybrid-rrf")) {
            SearchPipeline pipeline = SearchPipeline.named(method, embedder.modelId());
            SearchEngine local = new SearchEngine(embedded, embedder, pipeline);
            SolrSearchEngine remote = new SolrSearchEngine(solr, embedder, pipeline);
            for (String q : QUERIES) {
                SearchRequest request = SearchRequest.of(q, 10);
                assertSame(method + " '" + q + "'", local.retrieve(request), remote.retrieve(request), !q.isEmpty());
            }
        }
    }

    @Test
    void filters_match_the_embedded_index() {
        SearchPipeline hybrid = SearchPipeline.named("hybrid", embedder.modelId());
        SearchEngine local = new SearchEngine(embedded, embedder, hybrid);
        SolrSearchEngine remote = new SolrSearchEngine(solr, embedder, hybrid);
        SearchRequest base = SearchRequest.of("learning", 10);
        List<SearchRequest> requests = List.of(base.withHasCode(true), base.withHasCode(false),
                base.withCategory("cs.LG"), base.withDays(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 20)),
                base.withDays(null, LocalDate.of(2024, 1, 10)));
        for (SearchRequest r : requests) {
            List<ScoredPaper> expected = local.retrieve(r);
            assertSame(r.toString(), expected, remote.retrieve(r), true);
        }
    }

    @Test
    void similar_papers_match_the_embedded_index() {
        SearchPipeline hybrid = SearchPipeline.named("hybrid", embedder.modelId());
        String id = Fixture.papers().get(3).id();
        List<ScoredPaper> expected = new SearchEngine(embedded, embedder, hybrid).similar(id, 5);
        assertThat(expected).hasSize(5);
        assertSame("similar", expected, new SolrSearchEngine(solr, embedder, hybrid).similar(id, 5), true);
    }

    @Test
    void a_paper_without_a_vector_is_known_as_such_and_fused_as_the_embedded_index_fuses_it() {
        String blind = Fixture.papers().get(WITHOUT_VECTOR).id();
        Set<String> ids = Set.of(blind, Fixture.papers().get(1).id());
        assertThat(solr.withoutVector(ids)).containsExactly(blind).isEqualTo(embedded.withoutVector(ids));
        SearchPipeline hybrid = SearchPipeline.named("hybrid", embedder.modelId());
        SearchRequest request = SearchRequest.of("attention transformer", 10);
        List<ScoredPaper> expected = new SearchEngine(embedded, embedder, hybrid).retrieve(request);
        assertThat(expected).extracting(ScoredPaper::id).contains(blind);
        assertSame("hybrid with a blind paper", expected, new SolrSearchEngine(solr, embedder, hybrid).retrieve(request), true);
    }

    @Test
    void search_answers_with_the_same_results_while_a_node_is_down() {
        SearchPipeline hybrid = SearchPipeline.named("hybrid", embedder.modelId());
        SolrSearchEngine remote = new SolrSearchEngine(solr, embedder, hybrid);
        List<List<ScoredPaper>> before = QUERIES.stream().map(q -> remote.retrieve(SearchRequest.of(q, 10))).toList();
        SolrCloudProcess cluster = SolrCloudProcess.get();
        cluster.stopNode(1);
        try {
            // a fresh client whose first node is the stopped one: it must move on to the live node
            SolrHttp http = new SolrHttp(reversed(cluster.urls()), java.time.Duration.ofSeconds(30));
            SolrSearchEngine afterKill = new SolrSearchEngine(new SolrPaperIndex(http, "search_test"), embedder, hybrid);
            for (int i = 0; i < QUERIES.size(); i++) {
                assertThat(afterKill.retrieve(SearchRequest.of(QUERIES.get(i), 10))).as(QUERIES.get(i)).isEqualTo(before.get(i));
            }
        } finally {
            cluster.startNode(1);
        }
    }

    private static String reversed(String urls) {
        List<String> list = new java.util.ArrayList<>(List.of(urls.split(",")));
        java.util.Collections.reverse(list);
        return String.join(",", list);
    }

    /**
     * Same papers in the same order with the same scores (to float precision: Solr computes in its own JVM); ties
     * may come in another order, so equal-score runs are compared as sets. Unscored (newest first, with ties by
     * day) only the same papers.
     */
    private static void assertSame(String what, List<ScoredPaper> expected, List<ScoredPaper> actual, boolean scored) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; scored && i < expected.size(); i++) {
            assertThat(actual.get(i).score()).as(what + " score at " + i)
                    .isCloseTo(expected.get(i).score(), within(1e-4 * Math.max(1, Math.abs(expected.get(i).score()))));
        }
        if (scored) {
            assertThat(groupsByScore(actual)).as(what).isEqualTo(groupsByScore(expected));
        } else {
            assertThat(actual.stream().map(ScoredPaper::id).toList()).as(what)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(ScoredPaper::id).toList());
        }
    }

    /** The ids in rank order, with each run of scores equal to 1e-4 as a set. */
    private static List<Set<String>> groupsByScore(List<ScoredPaper> ranking) {
        List<Set<String>> groups = new java.util.ArrayList<>();
        double last = Double.NaN;
        for (ScoredPaper p : ranking) {
            if (groups.isEmpty() || Math.abs(p.score() - last) > 1e-4 * Math.max(1, Math.abs(last))) {
                groups.add(new java.util.TreeSet<>());
            }
            groups.getLast().add(p.id());
            last = p.score();
        }
        return groups;
    }
}
