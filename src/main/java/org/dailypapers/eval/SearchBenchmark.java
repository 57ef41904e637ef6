package org.dailypapers.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.SearchEngine;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.SearchRequest;

/**
 * Measures indexing and query speed on a collection of papers and prints one line per figure. Index builds
 * go to directories on disk under {@code workDir}. Vectors: the first {@code embedSample} papers are really
 * encoded (the encoding rate is measured there and extrapolated, and the output says so); the others get
 * seeded random unit vectors, which is stated in the output too: HNSW search over random vectors is, if
 * anything, slower than over real ones. Query embedding is always real and inside every latency.
 */
public final class SearchBenchmark {

    /** Settings of one benchmark run. */
    public record Options(List<SearchDocument> docs, int embedSample, List<SearchPipeline> pipelines,
            int queries, int warmup, int threads, int queryWords, boolean optimize, Path workDir,
            org.dailypapers.search.VectorStorage storage) {

        QueryOptions queryOptions() {
            return new QueryOptions(pipelines, queries, warmup, threads, queryWords);
        }
    }

    /** How queries are timed: per method, warm-up queries, then single-threaded latency, then throughput. */
    public record QueryOptions(List<SearchPipeline> pipelines, int queries, int warmup, int threads, int queryWords) {

        int titlesNeeded() {
            return pipelines.size() * (warmup + 2 * queries) + queries;
        }
    }

    private final Embedder embedder;
    private final PrintWriter out;

    public SearchBenchmark(Embedder embedder, PrintWriter out) {
        this.embedder = embedder;
        this.out = out;
    }

    public void run(Options o) throws Exception {
        List<SearchDocument> docs = o.docs();
        line("papers=%d cores=%d java=%s maxHeapMB=%d%n", docs.size(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        Path lexicalDir = o.workDir().resolve("bench-lexical");
        try (PaperIndex index = PaperIndex.open(lexicalDir, o.storage())) {
            long t = System.nanoTime();
            docs.forEach(d -> index.upsert(d, null));
            index.commit();
            double s = (System.nanoTime() - t) / 1e9;
            line("index-build-no-vectors docs=%d seconds=%.1f docs/s=%.0f sizeMB=%.1f%n",
                    docs.size(), s, docs.size() / s, sizeMb(lexicalDir));
        }
        List<float[]> sample = encodeSample(docs, o.embedSample());
        Path fullDir = o.workDir().resolve("bench-full");
        try (PaperIndex index = PaperIndex.open(fullDir, o.storage())) {
            Random random = new Random(42);
            long t = System.nanoTime();
            for (int i = 0; i < docs.size(); i++) {
                index.upsert(docs.get(i), i < sample.size() ? sample.get(i) : randomUnit(random, embedder.dimension()));
            }
            index.commit();
            double s = (System.nanoTime() - t) / 1e9;
            line("index-build-with-vectors docs=%d (real=%d, random=%d) storage=%s seconds=%.1f "
                    + "docs/s=%.0f sizeMB=%.1f segments=%d (excluding encoding)%n", docs.size(), sample.size(),
                    docs.size() - sample.size(), o.storage(), s, docs.size() / s, sizeMb(fullDir), index.segmentCount());
            if (o.optimize()) {
                t = System.nanoTime();
                index.optimize();
                line("optimize (merge to 1 segment) seconds=%.1f sizeMB=%.1f%n",
                        (System.nanoTime() - t) / 1e9, sizeMb(fullDir));
            }
            List<String> titles = new ArrayList<>(docs.stream().map(SearchDocument::title)
                    .filter(x -> !x.isBlank()).toList());
            java.util.Collections.shuffle(titles, new Random(7));
            timeQueries(index, titles, o.queryOptions());
            printHeapAfterGc();
        }
    }

    /**
     * Measures an existing index (such as a data directory's, after {@code import}) without writing to it:
     * opening time, size, papers with and without a vector, query latency and throughput per method, heap with
     * the index open. Queries are the titles of papers picked at random from the index.
     */
    public void runOnIndex(Path dir, QueryOptions o) throws Exception {
        line("index=%s cores=%d java=%s maxHeapMB=%d%n", dir,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        long t = System.nanoTime();
        try (PaperIndex index = PaperIndex.openReadOnly(dir)) {
            double openMs = (System.nanoTime() - t) / 1e6;
            int papers = index.count();
            int withoutVector = index.countWithoutVector();
            line("open ms=%.0f papers=%d withVector=%d segments=%d reordered=%d sizeMB=%.1f%n", openMs, papers,
                    papers - withoutVector, index.segmentCount(), index.reorderedPapers(), sizeMb(dir));
            timeQueries(index, index.randomTitles(o.titlesNeeded(), 7), o);
            printHeapAfterGc();
        }
    }

    private void timeQueries(PaperIndex index, List<String> shuffledTitles, QueryOptions o) throws Exception {
        List<String> titles = shuffledTitles.stream().map(x -> firstWords(x, o.queryWords())).toList();
        int next = 0;
        for (SearchPipeline p : o.pipelines()) {
            SearchEngine engine = new SearchEngine(index, p.needsVectors() ? embedder : null, p);
            // distinct titles per phase and method, so no phase meets a query another has seen
            List<String> warm = slice(titles, next, o.warmup());
            List<String> single = slice(titles, next += o.warmup(), o.queries());
            List<String> multi = slice(titles, next += o.queries(), o.queries());
            next += o.queries();
            warm.forEach(q -> engine.retrieve(SearchRequest.of(q, 10)));
            long[] lat = latencies(single, q -> engine.retrieve(SearchRequest.of(q, 10)));
            double qps = throughput(engine, multi, o.threads());
            line("query words=%s method=%s p50ms=%.2f p99ms=%.2f meanms=%.2f queries=%d "
                    + "throughput(%d threads)=%.0f q/s tag=%s%n", o.queryWords() == 0 ? "title" : "<=" + o.queryWords(),
                    p.name(), pct(lat, 0.50), pct(lat, 0.99), Arrays.stream(lat).average().orElse(0) / 1e6, lat.length,
                    o.threads(), qps, engine.tag());
        }
        // the search page also counts the papers that match ("About N papers"): its own cost, once per page
        SearchEngine counter = new SearchEngine(index, null, SearchPipeline.named("bm25", null));
        long[] count = latencies(slice(titles, next, o.queries()), q -> counter.lexicalMatches(SearchRequest.of(q, 10)));
        line("count-matches p50ms=%.2f p99ms=%.2f queries=%d%n", pct(count, 0.50), pct(count, 0.99), count.length);
    }

    private List<float[]> encodeSample(List<SearchDocument> docs, int n) {
        if (n == 0) {
            return List.of();
        }
        List<String> texts = docs.subList(0, Math.min(n, docs.size())).stream()
                .map(SearchDocument::embeddingText).toList();
        long t = System.nanoTime();
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 32) {
            vectors.addAll(embedder.embedDocuments(texts.subList(from, Math.min(texts.size(), from + 32))));
        }
        double s = (System.nanoTime() - t) / 1e9;
        double rate = texts.size() / s;
        line("encode model=%s docs=%d seconds=%.1f docs/s=%.1f -> all %d papers: about %.1f h "
                + "(extrapolated, not measured)%n", embedder.modelId(), texts.size(), s, rate, docs.size(),
                docs.size() / rate / 3600);
        return vectors;
    }

    /** Heap in use after a full collection, with the index open and the model loaded. */
    private void printHeapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        line("heap-used-after-gc MB=%d (index open, model loaded)%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Prints one figure at once (a benchmark runs for minutes; nobody should wait for a buffer to fill). */
    private void line(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
        out.flush();
    }

    /** Nanoseconds each query took, one at a time, sorted. */
    private static long[] latencies(List<String> queries, java.util.function.Consumer<String> query) {
        long[] lat = new long[queries.size()];
        for (int i = 0; i < lat.length; i++) {
            long t = System.nanoTime();
            query.accept(queries.get(i));
            lat[i] = System.nanoTime() - t;
        }
        Arrays.sort(lat);
        return lat;
    }

    private static double throughput(SearchEngine engine, List<String> queries, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (String q : queries) {
                fs.add(pool.submit(() -> engine.retrieve(SearchRequest.of(q, 10))));
            }
            for (Future<?> f : fs) f.get();
            return queries.size() / ((System.nanoTime() - t) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** The first {@code n} words of a title (all when n is 0): short queries like users type. */
    private static String firstWords(String title, int n) {
        String[] words = title.strip().split("\\s+");
        return n <= 0 || words.length <= n ? title : String.join(" ", Arrays.copyOf(words, n));
    }

    private static List<String> slice(List<String> titles, int from, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(titles.get((from + i) % titles.size()));
        }
        return out;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static float[] randomUnit(Random r, int dim) {
        float[] v = new float[dim];
        double n = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
            n += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < dim; i++) v[i] *= inv;
        return v;
    }

    private static double sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
        }
    }
}
