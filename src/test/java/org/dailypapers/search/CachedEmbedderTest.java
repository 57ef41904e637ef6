package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk embedding cache over the real all-MiniLM-L6-v2-q model (and bge-small for query instructions). */
class CachedEmbedderTest {

    private static Embedder minilm;
    private static List<String> texts;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        minilm = OnnxEmbedder.load(EmbeddingModelName.ALL_MINILM_L6_V2_Q);
        texts = Fixture.papers().stream().limit(8).map(SearchDocument::embeddingText).toList();
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        ((OnnxEmbedder) minilm).close();
    }

    /** Passes everything to the real model, counting what it was asked to encode. */
    private static final class Counting implements Embedder {
        final Embedder delegate;
        final AtomicInteger documents = new AtomicInteger();
        final AtomicInteger queries = new AtomicInteger();

        Counting(Embedder delegate) {
            this.delegate = delegate;
        }

        @Override
        public float[] embedQuery(String query) {
            queries.incrementAndGet();
            return delegate.embedQuery(query);
        }

        @Override
        public List<float[]> embedDocuments(List<String> batch) {
            documents.addAndGet(batch.size());
            return delegate.embedDocuments(batch);
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public String queryPrefix() {
            return delegate.queryPrefix();
        }
    }

    private Path cacheFile() {
        return dir.resolve("all-minilm-l6-v2-q.vec");
    }

    @Test
    void a_second_run_over_the_same_texts_encodes_nothing_and_returns_the_same_vectors() {
        Counting first = new Counting(minilm);
        List<float[]> encoded = new CachedEmbedder(first, dir).embedDocuments(texts);
        assertThat(first.documents).hasValue(texts.size());
        assertThat(encoded).hasSize(texts.size());
        assertThat(cacheFile()).exists();

        Counting second = new Counting(minilm);
        List<float[]> cached = new CachedEmbedder(second, dir).embedDocuments(texts);
        assertThat(second.documents).hasValue(0);
        for (int i = 0; i < texts.size(); i++) assertThat(cached.get(i)).containsExactly(encoded.get(i));
        // and they are the model's vectors, in input order
        assertThat(cached.get(3)).containsExactly(minilm.embedDocuments(List.of(texts.get(3))).get(0));
    }

    @Test
    void a_changed_text_is_encoded_again() {
        new CachedEmbedder(new Counting(minilm), dir).embedDocuments(texts);
        List<String> changed = new ArrayList<>(texts);
        changed.set(2, texts.get(2) + " Revised version.");
        Counting counting = new Counting(minilm);
        CachedEmbedder cache = new CachedEmbedder(counting, dir);
        List<float[]> vectors = cache.embedDocuments(changed);
        assertThat(counting.documents).hasValue(1);
        assertThat(vectors.get(2)).containsExactly(minilm.embedDocuments(List.of(changed.get(2))).get(0));
        cache.embedDocuments(changed);
        assertThat(counting.documents).hasValue(1);
    }

    @Test
    void query_vectors_are_cached_on_disk() {
        Counting first = new Counting(minilm);
        CachedEmbedder cache = new CachedEmbedder(first, dir);
        float[] v = cache.embedQuery("graph neural networks");
        cache.embedQuery("graph neural networks");
        assertThat(first.queries).hasValue(1);

        Counting second = new Counting(minilm);
        assertThat(new CachedEmbedder(second, dir).embedQuery("graph neural networks")).containsExactly(v);
        assertThat(second.queries).hasValue(0);
        assertThat(v).containsExactly(minilm.embedQuery("graph neural networks"));
    }

    @Test
    void query_vectors_are_cached_per_query_instruction() {
        // same model id, so the same cache files: the key must tell the instructed query from the plain one
        try (OnnxEmbedder bge = OnnxEmbedder.load(EmbeddingModelName.BGE_SMALL_EN_V15_Q, 1, 1, false);
                OnnxEmbedder bgeInstructed = OnnxEmbedder.load(EmbeddingModelName.BGE_SMALL_EN_V15_Q, 1, 1, true)) {
            cachedPerInstruction(new Counting(bge), new Counting(bgeInstructed));
        }
    }

    private void cachedPerInstruction(Counting plain, Counting instructed) {
        String q = "protein structure";
        float[] p = new CachedEmbedder(plain, dir).embedQuery(q);
        float[] i = new CachedEmbedder(instructed, dir).embedQuery(q);
        assertThat(instructed.queries).hasValue(1);
        assertThat(i).isNotEqualTo(p).containsExactly(instructed.delegate.embedQuery(q));

        assertThat(new CachedEmbedder(plain, dir).embedQuery(q)).containsExactly(p);
        assertThat(new CachedEmbedder(instructed, dir).embedQuery(q)).containsExactly(i);
        assertThat(plain.queries).hasValue(1);
        assertThat(instructed.queries).hasValue(1);
    }

    @Test
    void an_interrupted_cache_keeps_its_intact_records_and_stays_readable_after_more_appends() throws IOException {
        List<float[]> encoded = new CachedEmbedder(new Counting(minilm), dir).embedDocuments(texts);
        // a crash in the middle of writing the last record
        byte[] bytes = Files.readAllBytes(cacheFile());
        Files.write(cacheFile(), java.util.Arrays.copyOf(bytes, bytes.length - 100));

        Counting resumed = new Counting(minilm);
        List<float[]> again = new CachedEmbedder(resumed, dir).embedDocuments(texts);
        assertThat(resumed.documents).as("only the torn record is encoded again").hasValue(1);
        for (int i = 0; i < texts.size(); i++) assertThat(again.get(i)).containsExactly(encoded.get(i));

        // the record appended after the torn one must be readable by the next run
        Counting next = new Counting(minilm);
        List<float[]> third = new CachedEmbedder(next, dir).embedDocuments(texts);
        assertThat(next.documents).hasValue(0);
        for (int i = 0; i < texts.size(); i++) assertThat(third.get(i)).containsExactly(encoded.get(i));
        assertThat(VectorFile.read(cacheFile()).vectors()).hasSize(texts.size());
    }

    @Test
    void a_damaged_cache_is_a_clear_error_naming_the_file() throws IOException {
        Files.writeString(cacheFile(), "not a vector file at all");
        assertThatThrownBy(() -> new CachedEmbedder(minilm, dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(cacheFile().toString());

        // a crash while the header was written: the file is named and the cause said, no "null" message
        new CachedEmbedder(minilm, dir.resolve("other")).embedDocuments(texts.subList(0, 1));
        byte[] whole = Files.readAllBytes(dir.resolve("other").resolve(cacheFile().getFileName()));
        Files.write(cacheFile(), java.util.Arrays.copyOf(whole, 7));
        assertThatThrownBy(() -> new CachedEmbedder(minilm, dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(cacheFile().toString()).hasMessageContaining("ends inside its header");

        Files.delete(cacheFile());
        Path queries = dir.resolve("all-minilm-l6-v2-q.queries.vec");
        Files.writeString(queries, "not a vector file at all");
        assertThatThrownBy(() -> new CachedEmbedder(minilm, dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(queries.toString());
    }
}
