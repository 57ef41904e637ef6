package org.dailypapers.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * An {@link Embedder} over the in-process ONNX models that ship inside the LangChain4j jars: nothing is
 * downloaded. Loading a model takes about a second and some 100 MB of heap; create one per process and share
 * it (it is thread-safe).
 *
 * <p>ONNX Runtime already spreads one encoding over all cores, so the default is one calling thread;
 * {@code threads > 1} runs several encodings at once (measured in docs/EVAL.md). Documents are encoded
 * longest first so that the slow ones do not straggle at the end of a parallel batch.
 */
public final class OnnxEmbedder implements Embedder {

    private final EmbeddingModelName name;
    private final String queryPrefix;
    private final EmbeddingModel model;
    private final ExecutorService executor;

    private OnnxEmbedder(EmbeddingModelName name, int threads, boolean queryInstruction) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.name = name;
        this.queryPrefix = queryInstruction ? name.queryInstruction() : "";
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "embedder");
            t.setDaemon(true);
            return t;
        });
        this.model = switch (name) {
            case BGE_SMALL_EN_V15_Q -> executor == null
                    ? new BgeSmallEnV15QuantizedEmbeddingModel()
                    : new BgeSmallEnV15QuantizedEmbeddingModel(executor);
            case ALL_MINILM_L6_V2_Q -> executor == null
                    ? new AllMiniLmL6V2QuantizedEmbeddingModel()
                    : new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
        };
    }

    /**
     * Loads the named model.
     *
     * @param threads calling threads for document batches (1 is best on 2 cores: docs/EVAL.md)
     * @param queryInstruction put the model's query instruction (bge: "Represent this sentence for searching
     *     relevant passages: ") before queries; off by default because it measured worse on SciFact train
     */
    public static OnnxEmbedder load(EmbeddingModelName name, int threads, boolean queryInstruction) {
        return new OnnxEmbedder(name, threads, queryInstruction);
    }

    /** The named model, one thread, no query instruction. */
    public static OnnxEmbedder load(EmbeddingModelName name) {
        return load(name, 1, false);
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embed(queryPrefix + query).content().vector();
    }

    @Override
    public String queryPrefix() {
        return queryPrefix;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> texts.get(i).length()).reversed());
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (Integer i : order) {
            String text = texts.get(i);
            segments.add(TextSegment.from(text.isBlank() ? "-" : text));
        }
        List<Embedding> embedded = model.embedAll(segments).content();
        float[][] out = new float[texts.size()][];
        for (int j = 0; j < order.length; j++) {
            out[order[j]] = embedded.get(j).vector();
        }
        return List.of(out);
    }

    @Override
    public String modelId() {
        return name.id();
    }

    @Override
    public int dimension() {
        return 384;
    }
}
