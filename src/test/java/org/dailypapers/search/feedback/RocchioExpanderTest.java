package org.dailypapers.search.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.search.Bm25Params;
import org.dailypapers.search.Bm25Retriever;
import org.dailypapers.search.DenseRetriever;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.EmbeddingModelName;
import org.dailypapers.search.Fixture;
import org.dailypapers.search.OnnxEmbedder;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.RocchioParams;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.VectorStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the expanded query vector against one computed here from its definition, normalise(w * q + (1 - w) *
 * mean of the feedback documents' vectors), by ranking the whole fixture by hand with it. Real model, real index.
 */
class RocchioExpanderTest {

    private static final int K = 10;
    private static Embedder embedder;
    private static Map<String, float[]> vectors;

    @BeforeAll
    static void encode() {
        embedder = OnnxEmbedder.load(EmbeddingModelName.ALL_MINILM_L6_V2_Q);
        List<SearchDocument> docs = Fixture.papers();
        List<float[]> vs = embedder.embedDocuments(docs.stream().map(SearchDocument::embeddingText).toList());
        vectors = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) vectors.put(docs.get(i).id(), vs.get(i));
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        ((OnnxEmbedder) embedder).close();
    }

    /** The fixture, with vectors for every paper except {@code withoutVector}. */
    private static PaperIndex index(Set<String> withoutVector) {
        PaperIndex index = PaperIndex.inMemory(VectorStorage.FLOAT32);
        for (SearchDocument d : Fixture.papers()) {
            index.upsert(d, withoutVector.contains(d.id()) ? null : vectors.get(d.id()));
        }
        index.commit();
        return index;
    }

    /** normalise(w * q + (1 - w) * mean(feedback)), spelled out. */
    private static float[] rocchio(float[] q, List<float[]> feedback, double w) {
        double[] e = new double[q.length];
        double norm = 0;
        for (int i = 0; i < q.length; i++) {
            double mean = 0;
            for (float[] f : feedback) mean += f[i];
            mean /= feedback.size();
            e[i] = w * q[i] + (1 - w) * mean;
            norm += e[i] * e[i];
        }
        float[] out = new float[q.length];
        for (int i = 0; i < q.length; i++) out[i] = (float) (e[i] / Math.sqrt(norm));
        return out;
    }

    /** Every paper with a vector ranked by exact dot product, scored as Lucene's dot product: (1 + cos) / 2. */
    private static List<ScoredPaper> exhaustive(float[] query, Set<String> withoutVector) {
        List<ScoredPaper> all = new ArrayList<>();
        vectors.forEach((id, v) -> {
            if (withoutVector.contains(id)) return;
            double dot = 0;
            for (int i = 0; i < v.length; i++) dot += query[i] * v[i];
            all.add(new ScoredPaper(id, (1 + dot) / 2));
        });
        all.sort(Comparator.comparingDouble(ScoredPaper::score).reversed());
        return all.subList(0, K);
    }

    private static void assertSameRanking(List<ScoredPaper> actual, List<ScoredPaper> expected) {
        assertThat(Fixture.ids(actual)).containsExactlyElementsOf(Fixture.ids(expected));
        for (int i = 0; i < K; i++) {
            assertThat(actual.get(i).score()).as("score at rank %d", i + 1).isCloseTo(expected.get(i).score(), within(1e-5));
        }
    }

    @Test
    void expanded_query_is_the_normalised_mix_of_the_query_and_the_feedback_mean() throws Exception {
        String q = "make pictures from random noise";
        try (PaperIndex index = index(Set.of())) {
            DenseRetriever dense = new DenseRetriever(index, embedder);
            RocchioParams params = new RocchioParams(3, 0.5);
            RocchioExpander rocchio = new RocchioExpander(dense, dense, params);
            List<float[]> feedback = dense.retrieve(SearchRequest.of(q, 3)).stream()
                    .map(p -> vectors.get(p.id())).toList();
            List<ScoredPaper> expected = exhaustive(rocchio(embedder.embedQuery(q), feedback, 0.5), Set.of());

            List<ScoredPaper> actual = rocchio.retrieve(SearchRequest.of(q, K));
            assertSameRanking(actual, expected);
            // the feedback must show: the plain dense ranking of this query is a different one
            assertThat(Fixture.ids(actual)).isNotEqualTo(Fixture.ids(dense.retrieve(SearchRequest.of(q, K))));
            assertThat(rocchio.tag()).isEqualTo("dense(model=all-minilm-l6-v2-q)+rocchio(fbDocs=3,w=0.5)");
        }
    }

    @Test
    void feedback_documents_without_a_vector_are_skipped() throws Exception {
        String q = "graph convolution and attention";
        Set<String> blind;
        List<ScoredPaper> bm25Top;
        try (PaperIndex full = index(Set.of())) {
            bm25Top = new Bm25Retriever(full, Bm25Params.DEFAULT).retrieve(SearchRequest.of(q, 3));
        }
        assertThat(bm25Top).hasSize(3);
        blind = Set.of(bm25Top.get(0).id());
        try (PaperIndex index = index(blind)) {
            DenseRetriever dense = new DenseRetriever(index, embedder);
            RocchioExpander rocchio = new RocchioExpander(dense, new Bm25Retriever(index, Bm25Params.DEFAULT),
                    new RocchioParams(3, 0.5));
            // the mean is over the two feedback documents that have a vector, not a sum divided by three
            List<float[]> feedback = List.of(vectors.get(bm25Top.get(1).id()), vectors.get(bm25Top.get(2).id()));
            assertSameRanking(rocchio.retrieve(SearchRequest.of(q, K)),
                    exhaustive(rocchio(embedder.embedQuery(q), feedback, 0.5), blind));
        }
    }

    @Test
    void with_no_feedback_vector_left_the_plain_query_is_used() throws Exception {
        String q = "graph convolution and attention";
        Set<String> blind;
        try (PaperIndex full = index(Set.of())) {
            blind = Set.copyOf(Fixture.ids(new Bm25Retriever(full, Bm25Params.DEFAULT).retrieve(SearchRequest.of(q, 3))));
        }
        try (PaperIndex index = index(blind)) {
            DenseRetriever dense = new DenseRetriever(index, embedder);
            RocchioExpander rocchio = new RocchioExpander(dense, new Bm25Retriever(index, Bm25Params.DEFAULT),
                    new RocchioParams(3, 0.5));
            List<ScoredPaper> plain = exhaustive(embedder.embedQuery(q), blind);
            assertSameRanking(rocchio.retrieve(SearchRequest.of(q, K)), plain);
            assertSameRanking(dense.retrieve(SearchRequest.of(q, K)), plain);
        }
    }
}
