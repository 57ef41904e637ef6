package org.dailypapers.eval;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;
import org.dailypapers.Futures;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.VectorFile;

/**
 * Gives every paper of an index that has no vector one, without the model, so that dense and hybrid search can
 * be measured at millions of papers (encoding 2.8M abstracts takes days here). A paper whose id the file of real
 * vectors holds gets its real vector; every other paper gets a jittered copy of a real one: the vector of a
 * paper picked by a hash of its id, plus Gaussian noise of norm {@code jitter}, normalised. Copies of real
 * vectors keep the clustered shape of real embeddings, which is what HNSW is fast on; random vectors would make
 * it look slower than it is (issue 16). Deterministic: the same id always gets the same vector.
 */
public final class VectorFill {

    /** What a fill did. */
    public record Result(long real, long jittered, double seconds) {}

    private final float[][] bases;
    private final Map<String, float[]> real;
    private final double jitter;
    private final long seed;

    public VectorFill(VectorFile realVectors, double jitter, long seed) {
        if (realVectors.vectors().isEmpty()) {
            throw new IllegalArgumentException("the vector file holds no vectors");
        }
        this.real = realVectors.vectors();
        this.bases = real.values().toArray(float[][]::new);
        this.jitter = jitter;
        this.seed = seed;
    }

    /** The vector {@code id} gets: its real one, else a jittered copy of a real one. */
    public float[] vectorFor(String id) {
        float[] v = real.get(id);
        return v != null ? v : jittered(id);
    }

    private float[] jittered(String id) {
        long h = seed;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L; // FNV-1a: stable across runs and JVMs, unlike String.hashCode mixing
        }
        Random random = new Random(h);
        float[] base = bases[Math.floorMod(h >>> 1, bases.length)];
        float[] noise = new float[base.length];
        double norm = 0;
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
            norm += noise[i] * noise[i];
        }
        double scale = jitter / Math.sqrt(norm);
        float[] v = new float[base.length];
        double length = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (base[i] + noise[i] * scale);
            length += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(length));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /**
     * Writes a vector for every paper of {@code index} that lacks one, on {@code threads} threads, then commits.
     * {@code progress} hears the number of papers done so far, every 1,000. Each thread adds to a segment of its
     * own, so the HNSW graphs (most of the cost) are built in parallel; the order of documents in the index then
     * varies from run to run, which is fine for a benchmark fixture and would not be for an import.
     */
    public Result fill(PaperIndex index, int threads, LongConsumer progress) throws InterruptedException {
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong realCount = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.Semaphore ahead = new java.util.concurrent.Semaphore(threads * 2); // bounds memory
        java.util.List<java.util.concurrent.Future<?>> chunks = new java.util.ArrayList<>();
        java.util.List<SearchDocument> chunk = new java.util.ArrayList<>(CHUNK);
        java.util.function.Consumer<java.util.List<SearchDocument>> submit = docs -> {
            ahead.acquireUninterruptibly();
            java.util.concurrent.Future<?> f = pool.submit(() -> {
                try {
                    for (SearchDocument doc : docs) {
                        if (real.containsKey(doc.id())) {
                            realCount.incrementAndGet();
                        }
                        index.upsert(doc, vectorFor(doc.id()));
                    }
                    progress.accept(done.addAndGet(docs.size()));
                } finally {
                    ahead.release();
                }
            });
            chunks.add(f);
        };
        try {
            index.forEachWithoutVector(doc -> {
                chunk.add(doc);
                if (chunk.size() == CHUNK) {
                    submit.accept(java.util.List.copyOf(chunk));
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                submit.accept(java.util.List.copyOf(chunk));
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.DAYS);
        }
        for (java.util.concurrent.Future<?> f : chunks) {
            Futures.await(f, "filling vectors");
        }
        index.commit();
        long total = done.get();
        return new Result(realCount.get(), total - realCount.get(), (System.nanoTime() - start) / 1e9);
    }

    private static final int CHUNK = 1000;
}
