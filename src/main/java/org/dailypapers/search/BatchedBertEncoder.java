package org.dailypapers.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

/**
 * Encodes many documents at once with a BERT-style ONNX model: each text is tokenised once and truncated to
 * {@code maxTokens}, the texts are sorted by length and cut into batches of similar lengths (so padding costs
 * little), and the batches run on the calling threads of an executor. Vectors are pooled ({@link PoolingMode})
 * and normalised to unit length.
 *
 * <p>Why not LangChain4j's encoder: it runs one text per model call and tokenises each text three times
 * (tokenise, detokenise to split a long text into 510-token windows, encode again), and averages the windows
 * of a longer text. Batching turns the many small matrix products into few large ones; truncation replaces the
 * averaging (arXiv abstracts are almost all under 512 tokens; the SciFact cost is in docs/EVAL.md). For the
 * int8 model the activations are quantised per batch, so a vector differs from the one-by-one vector in the
 * last digits (cosine > 0.99; measured by {@code bench embed}). Thread-safe (ONNX sessions are).
 */
final class BatchedBertEncoder {

    /** At most this many texts per model call: larger batches gained nothing on 2 cores (docs/PERFORMANCE.md). */
    static final int MAX_BATCH = 32;
    /** At most this many tokens (texts x longest) per model call, to bound the activations' memory. */
    private static final int MAX_BATCH_TOKENS = 8192;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final PoolingMode pooling;
    private final boolean typeIds;
    private final int maxBatch;

    /**
     * @param tokenizer the model's {@code tokenizer.json}
     * @param maxTokens longest input in tokens, special tokens included (512 for BERT models)
     * @param maxBatch texts per model call (1 turns batching off, for comparisons)
     */
    BatchedBertEncoder(OrtSession session, InputStream tokenizer, PoolingMode pooling, int maxTokens, int maxBatch) {
        if (maxTokens < 8 || maxBatch < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 8 and maxBatch >= 1: " + maxTokens + ", " + maxBatch);
        }
        this.session = session;
        this.pooling = pooling;
        this.maxBatch = maxBatch;
        this.typeIds = session.getInputNames().contains("token_type_ids");
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false",
                    "truncation", "true", "maxLength", Integer.toString(maxTokens)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer", e);
        }
    }

    /** The unit vectors of these texts, in input order, computed in batches on {@code executor}'s threads. */
    List<float[]> embed(List<String> texts, ExecutorService executor) {
        Encoding[] encodings = new Encoding[texts.size()];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = tokenizer.encode(texts.get(i));
        }
        Integer[] order = IntStream.range(0, encodings.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> encodings[i].getIds().length).reversed());
        List<CompletableFuture<Void>> batches = new ArrayList<>();
        float[][] out = new float[encodings.length][];
        int from = 0;
        while (from < order.length) {
            int longest = encodings[order[from]].getIds().length; // the first of a batch is its longest
            int size = Math.max(1, Math.min(maxBatch, MAX_BATCH_TOKENS / longest));
            int[] batch = Arrays.stream(order, from, Math.min(order.length, from + size)).mapToInt(Integer::intValue).toArray();
            batches.add(CompletableFuture.runAsync(() -> run(batch, longest, encodings, out), executor));
            from += batch.length;
        }
        CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
        return List.of(out);
    }

    private void run(int[] batch, int length, Encoding[] encodings, float[][] out) {
        long[] ids = new long[batch.length * length];
        long[] mask = new long[ids.length];
        long[] types = new long[ids.length];
        for (int b = 0; b < batch.length; b++) {
            Encoding e = encodings[batch[b]];
            System.arraycopy(e.getIds(), 0, ids, b * length, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, b * length, e.getIds().length);
            System.arraycopy(e.getTypeIds(), 0, types, b * length, e.getIds().length);
        }
        long[] shape = {batch.length, length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", idsTensor, "attention_mask", maskTensor));
            if (typeIds) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(session.getOutputNames().iterator().next()))) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer(); // [batch, length, dim]
                int dim = hidden.capacity() / (batch.length * length);
                for (int b = 0; b < batch.length; b++) {
                    out[batch[b]] = pool(hidden, b * length * dim, encodings[batch[b]].getIds().length, dim);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed on a batch of " + batch.length, e);
        }
    }

    /** The pooled, normalised vector of one text whose {@code tokens} token vectors start at {@code start}. */
    private float[] pool(FloatBuffer hidden, int start, int tokens, int dim) {
        float[] v = new float[dim];
        int used = pooling == PoolingMode.CLS ? 1 : tokens; // CLS: the first token's vector; MEAN: all real tokens'
        for (int t = 0; t < used; t++) {
            for (int d = 0; d < dim; d++) {
                v[d] += hidden.get(start + t * dim + d);
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm)); // the mean's 1/tokens cancels in the normalisation
        for (int d = 0; d < dim; d++) {
            v[d] *= scale;
        }
        return v;
    }
}
