package org.dailypapers.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * An {@link Embedder} over the in-process ONNX models that ship inside the LangChain4j jars: nothing is
 * downloaded. Loading a model takes about a second and some 100 MB of heap; create one per process and share
 * it (it is thread-safe).
 *
 * <p>Threads: by default each encoding runs on one core ({@code intraOpThreads} 1) and parallelism comes from
 * running several encodings at once: queries from concurrent searches, document batches on {@code threads}
 * calling threads. ONNX Runtime's own default (every encoding spread over all cores) made two concurrent
 * queries fight over both cores and synchronise per operator; one core per encoding measured faster in
 * throughput at no cost in single-query latency (docs/PERFORMANCE.md). The model, tokenizer and pooling are
 * LangChain4j's (a text longer than the model's window is split and its parts averaged), so vectors are the
 * same as those of LangChain4j's own model classes.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {

    private final EmbeddingModelName name;
    private final String queryPrefix;
    private final String documentPrefix;
    private final SessionModel model;
    private final BatchedBertEncoder batched; // null: documents one by one through LangChain4j (the old way)
    private final OrtSession session;
    private final ExecutorService executor;
    // encodings hold it shared, close() exclusively: the native session is never freed under a running encoding
    private final java.util.concurrent.locks.ReadWriteLock open = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private boolean closed; // guarded by open

    private OnnxEmbedder(EmbeddingModelName name, int threads, int intraOpThreads, boolean queryInstruction,
            DocumentEncoding documents) {
        if (threads < 1 || intraOpThreads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads + ", " + intraOpThreads);
        }
        this.name = name;
        this.queryPrefix = queryInstruction || name.prefixesRequired() ? name.queryInstruction() : "";
        this.documentPrefix = name.documentPrefix();
        // idle threads end after a minute: a server encodes documents in bursts, after imports
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    // documents are encoded in bulk, behind page requests (queries run on the caller's thread)
                    Thread t = new Thread(() -> {
                        BackgroundPriority.lowerCurrentThread();
                        r.run();
                    }, "embedder");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        // every model call holds one text unless documents are batched: no padding, so no mask to apply
        this.session = session(name, intraOpThreads, documents.maxBatch() == 1);
        try {
            this.model = new SessionModel(executor, encoder(name, session));
            this.batched = documents.batched() ? batchedEncoder(name, session, documents) : null;
        } catch (RuntimeException e) {
            try {
                session.close();
            } catch (OrtException suppressed) {
                e.addSuppressed(suppressed);
            }
            executor.shutdown();
            throw e;
        }
    }

    /**
     * Loads the named model.
     *
     * @param threads calling threads for document batches (the number of cores is best: docs/PERFORMANCE.md)
     * @param intraOpThreads cores one ONNX encoding may use (1 is best for concurrent searches)
     * @param queryInstruction put the model's query instruction (bge: "Represent this sentence for searching
     *     relevant passages: ") before queries; off by default because it measured worse on SciFact train
     */
    public static OnnxEmbedder load(EmbeddingModelName name, int threads, int intraOpThreads, boolean queryInstruction) {
        return load(name, threads, intraOpThreads, queryInstruction, DocumentEncoding.DEFAULT);
    }

    /** As {@link #load(EmbeddingModelName, int, int, boolean)}, with documents encoded as {@code documents} says. */
    public static OnnxEmbedder load(EmbeddingModelName name, int threads, int intraOpThreads, boolean queryInstruction,
            DocumentEncoding documents) {
        return new OnnxEmbedder(name, threads, intraOpThreads, queryInstruction, documents);
    }

    /** The named model: document batches on every core, one core per encoding, no query instruction. */
    public static OnnxEmbedder load(EmbeddingModelName name) {
        return load(name, Runtime.getRuntime().availableProcessors(), 1, false);
    }

    /**
     * {@inheritDoc} Characters the model cannot use are cleaned out first ({@link EmbeddableText#clean}).
     *
     * @throws IllegalArgumentException when the query has no letter or digit (callers skip those queries:
     *     {@link DenseRetriever} answers them with no results)
     */
    @Override
    public float[] embedQuery(String query) {
        String text = EmbeddableText.clean(query);
        if (!EmbeddableText.hasContent(text)) {
            throw new IllegalArgumentException("nothing to embed in the query: it has no letter or digit");
        }
        return whileOpen(() -> model.embed(queryPrefix + text).content().vector());
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
        if (batched != null) {
            List<String> cleaned = texts.stream().map(t -> {
                String text = EmbeddableText.clean(t);
                return documentPrefix + (EmbeddableText.hasContent(text) ? text : "-");
            }).toList();
            return whileOpen(() -> batched.embed(cleaned, executor));
        }
        // longest first, so that with several threads the slow ones do not straggle at the end of a batch
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> texts.get(i).length()).reversed());
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (Integer i : order) {
            // a text the model cannot use (empty, or only invisible characters) still gets a vector, so that
            // one odd paper cannot fail the batch it is in; "-" puts it nowhere near any real query
            String text = EmbeddableText.clean(texts.get(i));
            segments.add(TextSegment.from(documentPrefix + (EmbeddableText.hasContent(text) ? text : "-")));
        }
        List<Embedding> embedded = whileOpen(() -> model.embedAll(segments).content());
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

    /**
     * Frees the native session and stops the document threads once the encodings under way are done; later
     * calls throw {@link IllegalStateException}. The session holds most of the model's memory outside the Java
     * heap, so a process that opens several (tests) should close them. The tokenizer's own native memory (a few
     * MB, held by LangChain4j's encoder through DJL) has no close and is freed only when it is collected.
     */
    @Override
    public void close() {
        open.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            executor.shutdown();
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the " + name.id() + " model's ONNX session", e);
        } finally {
            open.writeLock().unlock();
        }
    }

    private <T> T whileOpen(java.util.function.Supplier<T> encoding) {
        open.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the " + name.id() + " model is closed");
            }
            return encoding.get();
        } finally {
            open.readLock().unlock();
        }
    }

    /**
     * The model's ONNX graph, read from its LangChain4j jar by resource name, in a session of our settings. With
     * {@code unpadded} (every call holds one text), the graph skips adding the attention mask, which then adds
     * zero everywhere ({@link MaskFreeGraph}): the same vectors, about a tenth sooner.
     */
    private static OrtSession session(EmbeddingModelName name, int intraOpThreads, boolean unpadded) {
        try (InputStream onnx = resource(name, name.onnxResource());
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // an idle intra-op worker spins for a while before sleeping: with other threads wanting the
            // cores (a concurrent search, Lucene) that spinning is pure loss
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            byte[] graph = onnx.readAllBytes();
            byte[] maskFree = unpadded ? MaskFreeGraph.withoutMaskAdditions(graph) : null;
            return OrtEnvironment.getEnvironment().createSession(maskFree != null ? maskFree : graph, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name.id() + " model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the " + name.id() + " model into ONNX Runtime", e);
        }
    }

    private static BatchedBertEncoder batchedEncoder(EmbeddingModelName name, OrtSession session, DocumentEncoding documents) {
        try (InputStream tokenizer = resource(name, name.tokenizerResource())) {
            return new BatchedBertEncoder(session, tokenizer, name.pooling(), Math.min(documents.maxTokens(), name.maxTokens()),
                    documents.maxBatch());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name.id() + " tokenizer from its jar", e);
        }
    }

    /**
     * How documents are encoded: {@link #DEFAULT} batches texts of similar length ({@link BatchedBertEncoder}),
     * {@link #ONE_BY_ONE} is LangChain4j's way (one text per model call, a long text's 510-token windows
     * averaged), kept to measure against.
     *
     * @param maxTokens longest input in tokens with the special tokens; longer texts are truncated (batched only)
     * @param maxBatch texts per model call (batched only)
     */
    public record DocumentEncoding(boolean batched, int maxTokens, int maxBatch) {
        public static final DocumentEncoding DEFAULT = new DocumentEncoding(true, 512, 1);
        public static final DocumentEncoding ONE_BY_ONE = new DocumentEncoding(false, 512, 1);
    }

    /**
     * LangChain4j's tokenizer and pooling around our session (LangChain4j's own model class is never touched,
     * so its static session with default threads is never created).
     */
    private static OnnxBertBiEncoder encoder(EmbeddingModelName name, OrtSession session) {
        try (InputStream tokenizer = resource(name, name.tokenizerResource())) {
            return new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), session, tokenizer, name.pooling());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name.id() + " tokenizer from its jar", e);
        }
    }

    private static InputStream resource(EmbeddingModelName name, String path) throws IOException {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is not on the class path" + (name.bundled() ? ""
                    : ": this model ships only in a build with extra models (mvn -Pextra-models package)"));
        }
        return in;
    }

    /** LangChain4j's in-process model (tokenising, long-text splitting, pooling) over our own session. */
    private static final class SessionModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SessionModel(ExecutorService executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
