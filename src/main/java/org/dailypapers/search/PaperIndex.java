package org.dailypapers.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.misc.index.BPIndexReorderer;
import org.apache.lucene.misc.index.BPReorderingMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import org.apache.lucene.util.Bits;
import org.dailypapers.Futures;

/**
 * The Lucene index of papers: text fields for BM25, filter fields, and an optional HNSW vector per paper.
 *
 * <p>Writes ({@link #upsert}, {@link #setVector}, {@link #delete}) are visible to searches after
 * {@link #refresh()} (cheap, near-real-time) and durable after {@link #commit()} (which also refreshes). A paper
 * is keyed by its id: upserting an id replaces the old document, never duplicates it. A document without a
 * vector is still found by BM25; {@link #idsWithoutVector()} lists them for a background encoder. Thread-safe.
 */
public final class PaperIndex implements Closeable {

    /** What the writer buffers before it writes a segment. */
    static final double RAM_BUFFER_MB = 64;
    /** The same during a bulk import: fewer, larger segments, fewer merges. */
    static final double BULK_RAM_BUFFER_MB = 256;
    /** Batches from this size on are analysed on a second thread ({@link #upsertAll}). */
    static final int ANALYSE_AHEAD_MIN = 500;
    static final int ANALYSE_AHEAD_CHUNK = 250;
    /** The segment diagnostic that {@link BPReorderingMergePolicy} sets (package-private there). */
    private static final String REORDERED_DIAGNOSTIC = "bp.reordered";

    private final Directory directory;
    /** Null when the index was opened read-only, beside the process that writes it. */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    /** Analyses large batches ahead of the writer ({@link #upsertAll}); started on first use. */
    private java.util.concurrent.ExecutorService analysis;

    private PaperIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.analyzer = PaperAnalyzer.create();
        this.writer = null;
        this.searchers = new SearcherManager(directory, null);
    }

    private PaperIndex(Directory directory, VectorStorage storage) throws IOException {
        this.directory = directory;
        this.analyzer = PaperAnalyzer.create();
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        config.setMergePolicy(reorderingMergePolicy());
        KnnVectorsFormat vectors = vectorsFormat(storage, Runtime.getRuntime().availableProcessors());
        config.setCodec(new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        });
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Lucene's vector format (float32, or int8 scalar-quantised), whose merges build the merged segment's HNSW graph
     * on up to {@code workers} workers. The workers run on the threads the merge scheduler keeps for work inside a
     * merge: its thread budget less the merges running, less one. {@link #optimize} raises that budget, so there the
     * graph's rebuild, nearly all of optimising a large index with vectors, uses every core (docs/PERFORMANCE.md,
     * "Ninth session"). A merge in the background of {@code serve} on two cores finds no spare thread and runs the
     * workers one after the other on its own, as one worker would. The files are the format's own, whatever the
     * number of workers.
     */
    static KnnVectorsFormat vectorsFormat(VectorStorage storage, int workers) {
        int n = Math.max(1, workers);
        int maxConn = Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN;
        int beamWidth = Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH;
        return storage == VectorStorage.INT8
                ? new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, maxConn, beamWidth, n, null)
                : new Lucene99HnswVectorsFormat(maxConn, beamWidth, n, null);
    }

    /**
     * Lucene's default merge policy, whose forced merges ({@link #optimize}) also renumber the papers by recursive
     * graph bisection on the contents field, so that papers sharing words sit together. Postings then compress into
     * denser blocks that BM25's dynamic pruning skips whole: at 2.8 million papers in a random order, whole-title
     * queries took about half the time (docs/PERFORMANCE.md, "Seventh session"). Natural merges are not reordered:
     * a reordered merge cannot reuse the largest segment's HNSW graph and rebuilds it whole, a cost serve's
     * background merges should not take unmeasured. The reordering only moves papers, it never changes a score;
     * ties (equal scores) follow the new order.
     */
    static MergePolicy reorderingMergePolicy() {
        // its default is a tenth of the heap committed when it is made, often too little for a million papers (8
        // bytes each, plus 8 per word and thread), and the merge then silently skips the reordering
        return reorderingMergePolicy(Runtime.getRuntime().maxMemory() / 10.0 / (1 << 20));
    }

    static MergePolicy reorderingMergePolicy(double reorderMegabytes) {
        BPIndexReorderer reorderer = new BPIndexReorderer();
        reorderer.setFields(Set.of(IndexFields.CONTENTS));
        reorderer.setRAMBudgetMB(reorderMegabytes);
        BPReorderingMergePolicy policy = new BPReorderingMergePolicy(new ReorderOneSegment(new TieredMergePolicy()), reorderer);
        policy.setMinNaturalMergeNumDocs(Integer.MAX_VALUE);
        return policy;
    }

    /**
     * A forced merge into one segment also rewrites an index that is one segment already if that segment was never
     * reordered: {@link #optimize} then reorders a freshly imported or long-served index too. Once per writer: should
     * the rewrite not reorder (too little memory), the next forced merge must not try again and again.
     */
    private static final class ReorderOneSegment extends FilterMergePolicy {
        private final java.util.concurrent.atomic.AtomicBoolean rewrote = new java.util.concurrent.atomic.AtomicBoolean();

        ReorderOneSegment(MergePolicy in) {
            super(in);
        }

        @Override
        public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegmentCount,
                Map<SegmentCommitInfo, Boolean> segmentsToMerge, MergeContext context) throws IOException {
            MergeSpecification spec = super.findForcedMerges(infos, maxSegmentCount, segmentsToMerge, context);
            if (spec != null || maxSegmentCount != 1 || infos.size() != 1) {
                return spec;
            }
            SegmentCommitInfo only = infos.info(0);
            if ("true".equals(only.info.getDiagnostics().get(REORDERED_DIAGNOSTIC)) || !segmentsToMerge.containsKey(only)
                    || context.getMergingSegments().contains(only) || !rewrote.compareAndSet(false, true)) {
                return null;
            }
            MergeSpecification one = new MergeSpecification();
            one.add(new OneMerge(List.of(only)));
            return one;
        }
    }

    /** Opens (or creates) an index in a directory on disk. */
    public static PaperIndex open(Path dir, VectorStorage storage) throws IOException {
        return new PaperIndex(FSDirectory.open(dir), storage);
    }

    /**
     * Opens an existing index for searching only, without its write lock, so that a command can search while
     * {@code serve} owns the index. {@link #refresh()} then sees what the writer last committed; every write
     * method throws {@link IllegalStateException}.
     *
     * @throws org.apache.lucene.index.IndexNotFoundException when there is no index in {@code dir}
     */
    public static PaperIndex openReadOnly(Path dir) throws IOException {
        return new PaperIndex(FSDirectory.open(dir));
    }

    /** A new, empty index in memory (for evaluation and tests). */
    public static PaperIndex inMemory(VectorStorage storage) {
        try {
            return new PaperIndex(new ByteBuffersDirectory(), storage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds or replaces these papers, {@code vectors.get(i)} (nullable) being the vector of {@code docs.get(i)}, in
     * this order. A large batch is analysed on a second thread, a chunk at a time ahead of this one, which adds
     * the documents: the writer still adds them one by one in order, so document ids, and with them the ranking of
     * papers that score alike, are the same as with {@link #upsert} (issue 16: import rate).
     */
    public void upsertAll(List<SearchDocument> docs, List<float[]> vectors) {
        if (docs.size() < ANALYSE_AHEAD_MIN) {
            for (int i = 0; i < docs.size(); i++) {
                upsert(docs.get(i), vectors.get(i));
            }
            return;
        }
        List<java.util.concurrent.Future<List<Document>>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < docs.size(); from += ANALYSE_AHEAD_CHUNK) {
            int start = from;
            int end = Math.min(docs.size(), from + ANALYSE_AHEAD_CHUNK);
            chunks.add(analysis().submit(() -> {
                List<Document> analysed = new java.util.ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    analysed.add(DocumentMapper.analysedAhead(DocumentMapper.toLucene(docs.get(i), vectors.get(i)), analyzer));
                }
                return analysed;
            }));
        }
        try {
            for (int c = 0; c < chunks.size(); c++) {
                List<Document> analysed = Futures.await(chunks.get(c), "indexing");
                for (int j = 0; j < analysed.size(); j++) {
                    String id = docs.get(c * ANALYSE_AHEAD_CHUNK + j).id();
                    writable().updateDocument(new Term(IndexFields.ID, id), analysed.get(j));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            chunks.forEach(f -> f.cancel(false)); // the rest of a failed batch; analysis does no I/O
        }
    }

    private synchronized java.util.concurrent.ExecutorService analysis() {
        if (analysis == null) {
            analysis = java.util.concurrent.Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("index-analysis").daemon().factory());
        }
        return analysis;
    }

    /** Adds or replaces the paper with this id; {@code vector} (unit length, nullable) feeds dense search. */
    public void upsert(SearchDocument doc, float[] vector) {
        try {
            writable().updateDocument(new Term(IndexFields.ID, doc.id()), DocumentMapper.toLucene(doc, vector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives an indexed paper its vector (or replaces it), keeping its text as of the last refresh. Returns
     * false when the id is not in the index. Not atomic against a concurrent upsert of the same id: a
     * background encoder should use {@link #setVector(String, String, float[])}.
     */
    public boolean setVector(String id, float[] vector) {
        return setVector(id, null, vector);
    }

    /**
     * Like {@link #setVector(String, float[])}, but only when the indexed document still has
     * {@code expectedVersion} (the {@link SearchDocument#version()} whose text was encoded; null skips the
     * check), so that a vector of an old text never lands on a newer one. Returns whether it was set.
     */
    public synchronized boolean setVector(String id, String expectedVersion, float[] vector) {
        refresh();
        Optional<SearchDocument> doc = document(id)
                .filter(d -> expectedVersion == null || expectedVersion.equals(d.version()));
        doc.ifPresent(d -> upsert(d, vector));
        return doc.isPresent();
    }

    /**
     * {@link #setVector(String, String, float[])} for a batch, with one refresh instead of one per paper: each
     * refresh after a write makes a new segment, which at millions of papers means a reopen and later merges per
     * vector (issue 16: the backlog). {@code encoded.get(i)} is the text {@code vectors.get(i)} was computed from.
     * Returns how many were set.
     */
    public synchronized int setVectors(List<SearchDocument> encoded, List<float[]> vectors) {
        refresh();
        int set = 0;
        for (int i = 0; i < encoded.size(); i++) {
            String version = encoded.get(i).version();
            Optional<SearchDocument> doc = document(encoded.get(i).id()).filter(d -> version.equals(d.version()));
            if (doc.isPresent()) {
                upsert(doc.get(), vectors.get(i));
                set++;
            }
        }
        return set;
    }

    public void delete(String id) {
        try {
            writable().deleteDocuments(new Term(IndexFields.ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes all writes durable and visible. */
    public void commit() {
        try {
            writable().commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the index into one segment, its papers reordered ({@link #reorderingMergePolicy}), then commits. Each
     * segment has its own HNSW graph that a vector query searches separately, so after a bulk import this makes
     * dense search several times faster, and the reordering makes BM25 faster (both measured in
     * docs/PERFORMANCE.md). The merged segment's HNSW graph is built afresh, on every core
     * ({@link #vectorsFormat}): minutes per hundred thousand papers with vectors. Searches keep working meanwhile.
     */
    public synchronized void optimize() {
        IndexWriter w = writable();
        // Lucene gives merges one thread on two cores, and a merge's inner work (the reordering) only the threads
        // beyond the running merges: one more than the cores lets this one merge use them all
        ConcurrentMergeScheduler merges = w.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler c ? c : null;
        int threads = Runtime.getRuntime().availableProcessors() + 1;
        int mergeCount = merges == null ? 0 : merges.getMaxMergeCount();
        int threadCount = merges == null ? 0 : merges.getMaxThreadCount();
        try {
            if (merges != null && threadCount < threads) {
                merges.setMaxMergesAndThreads(Math.max(mergeCount, threads + 5), threads);
            }
            w.forceMerge(1);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (merges != null && threadCount < threads) {
                merges.setMaxMergesAndThreads(mergeCount, threadCount);
            }
        }
    }

    /**
     * Papers in segments that a merge reordered ({@link #reorderingMergePolicy}). A merge skips the reordering when
     * the reorderer's memory (a tenth of the heap) is too small for the segment.
     */
    public int reorderedPapers() {
        return withSearcher(s -> s.getIndexReader().leaves().stream()
                .filter(c -> c.reader() instanceof SegmentReader r
                        && "true".equals(r.getSegmentInfo().info.getDiagnostics().get(REORDERED_DIAGNOSTIC)))
                .mapToInt(c -> c.reader().numDocs())
                .sum());
    }

    /** Number of segments visible to searches (each has its own HNSW graph). */
    public int segmentCount() {
        return withSearcher(s -> s.getIndexReader().leaves().size());
    }

    /** Makes all writes visible to searches (not durable). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of papers visible to searches. */
    public int count() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Id to {@link SearchDocument#version()} of every visible paper: what a catch-up compares against. */
    public Map<String, String> indexedVersions() {
        Map<String, String> versions = new HashMap<>();
        forEachMatch(new MatchAllDocsQuery(), Set.of(IndexFields.ID, IndexFields.VERSION),
                d -> versions.put(d.get(IndexFields.ID), d.get(IndexFields.VERSION)));
        return versions;
    }

    public Set<String> indexedIds() {
        return Set.copyOf(indexedVersions().keySet());
    }

    /** Number of visible papers that have no vector yet: cheap (one term's postings), for progress and health. */
    public int countWithoutVector() {
        return withSearcher(s -> s.count(new TermQuery(new Term(IndexFields.HAS_VECTOR, "0"))));
    }

    /**
     * Ids of up to {@code n} visible papers without a vector, newest day first (ties by id, newest first): the
     * order in which a background encoder works, so that the day's new papers never wait behind an old import.
     */
    public List<String> newestWithoutVector(int n) {
        org.apache.lucene.search.Sort newest = new org.apache.lucene.search.Sort(
                new org.apache.lucene.search.SortField(IndexFields.DAY, org.apache.lucene.search.SortField.Type.LONG, true),
                new org.apache.lucene.search.SortField(IndexFields.ID, org.apache.lucene.search.SortField.Type.STRING, true));
        return withSearcher(s -> {
            TopDocs top = s.search(new TermQuery(new Term(IndexFields.HAS_VECTOR, "0")), n, newest);
            return ResultIds.of(s.getIndexReader(), top).stream().map(ScoredPaper::id).toList();
        });
    }

    /** Ids of visible papers that have no vector yet. */
    public Set<String> idsWithoutVector() {
        Set<String> ids = new HashSet<>();
        forEachMatch(new TermQuery(new Term(IndexFields.HAS_VECTOR, "0")), Set.of(IndexFields.ID),
                d -> ids.add(d.get(IndexFields.ID)));
        return ids;
    }

    /**
     * Calls {@code action} with every visible paper that has no vector, rebuilt from the index (bulk work such
     * as filling vectors for a benchmark; the order is the index's own).
     */
    public void forEachWithoutVector(java.util.function.Consumer<SearchDocument> action) {
        forEachMatch(new TermQuery(new Term(IndexFields.HAS_VECTOR, "0")), null,
                d -> action.accept(DocumentMapper.fromStored(d)));
    }

    /**
     * The titles of up to {@code n} visible papers picked at random with {@code seed} (queries for benchmarks
     * on an existing index; it reads every id once, a second or two at 2.8 million papers).
     */
    public List<String> randomTitles(int n, long seed) {
        // drawn from the ids in sorted order, not from document numbers: the same seed then asks the same
        // questions of an index whatever order its papers are in (a reordered copy, another merge history)
        List<String> ids = new java.util.ArrayList<>(indexedIds());
        java.util.Collections.sort(ids);
        java.util.Random random = new java.util.Random(seed);
        List<String> titles = new java.util.ArrayList<>();
        for (int tries = 0; titles.size() < n && !ids.isEmpty() && tries < 20 * n; tries++) {
            document(ids.get(random.nextInt(ids.size()))).map(SearchDocument::title)
                    .filter(t -> !t.isBlank()).ifPresent(titles::add);
        }
        return titles;
    }

    /**
     * Sets how much the writer buffers before it writes a segment: bulk writes go faster with fewer, larger
     * segments (fewer merges) at the cost of that much heap.
     */
    public void ramBuffer(double megabytes) {
        writable().getConfig().setRAMBufferSizeMB(megabytes);
    }

    /** Those of {@code ids} that are indexed without a vector. */
    public Set<String> withoutVector(Set<String> ids) {
        return matching(ids, new TermQuery(new Term(IndexFields.HAS_VECTOR, "0")));
    }

    /**
     * Those of {@code ids} that are indexed (as of the last refresh): one query for a whole batch, where a
     * lookup per paper costs a term seek in every segment (issue 16: imports into a large index).
     */
    public Set<String> present(Set<String> ids) {
        return matching(ids, new MatchAllDocsQuery());
    }

    private Set<String> matching(Set<String> ids, Query filter) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Query q = new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new org.apache.lucene.search.TermInSetQuery(IndexFields.ID,
                        ids.stream().map(org.apache.lucene.util.BytesRef::new).toList()),
                        org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .add(filter, org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .build();
        return withSearcher(s -> {
            Set<String> out = new HashSet<>();
            ResultIds.of(s.getIndexReader(), s.search(q, ids.size())).forEach(p -> out.add(p.id()));
            return out;
        });
    }

    /**
     * The ids of the papers one of whose authors is {@code name} (compared ignoring case and repeated spaces),
     * newest first, ties by id descending. The analysed author field finds candidates by phrase; the stored
     * names decide, so "Ziwei Liu" is not "Ziwei Liu Chen".
     */
    public List<String> byAuthor(String name) {
        String wanted = normaliseName(name);
        Query phrase = new org.apache.lucene.util.QueryBuilder(analyzer()).createPhraseQuery(IndexFields.AUTHORS, name);
        if (wanted.isEmpty() || phrase == null) {
            return List.of();
        }
        org.apache.lucene.search.Sort newest = new org.apache.lucene.search.Sort(
                new org.apache.lucene.search.SortField(IndexFields.DAY, org.apache.lucene.search.SortField.Type.LONG, true),
                new org.apache.lucene.search.SortField(IndexFields.ID, org.apache.lucene.search.SortField.Type.STRING, true));
        return withSearcher(s -> {
            TopDocs top = s.search(phrase, SearchRequest.MAX_LIMIT, newest);
            List<String> ids = new java.util.ArrayList<>();
            var stored = s.storedFields();
            for (var hit : top.scoreDocs) {
                Document doc = stored.document(hit.doc, Set.of(IndexFields.ID, IndexFields.AUTHORS));
                if (java.util.Arrays.stream(doc.getValues(IndexFields.AUTHORS)).anyMatch(a -> normaliseName(a).equals(wanted))) {
                    ids.add(doc.get(IndexFields.ID));
                }
            }
            return ids;
        });
    }

    private static String normaliseName(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** The stored document of a paper, as of the last refresh. */
    public Optional<SearchDocument> document(String id) {
        return withSearcher(s -> {
            TopDocs top = s.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(DocumentMapper.fromStored(s.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    /** The vector of a paper, if it has one. */
    public Optional<float[]> vector(String id) {
        return withSearcher(s -> {
            TopDocs top = s.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return StoredVectors.of(s.getIndexReader(), top.scoreDocs[0].doc);
        });
    }

    /** The analysed terms of {@code text} as the given field indexes it, in order, duplicates kept. */
    List<String> analyzeTerms(String field, String text) {
        return PaperAnalyzer.terms(analyzer, field, text);
    }

    /** Fraction of visible papers whose contents hold {@code term} (an analysed term). */
    public double contentsDocumentFrequency(String term) {
        return withSearcher(s -> {
            int n = s.getIndexReader().numDocs();
            return n == 0 ? 0.0 : s.getIndexReader().docFreq(new Term(IndexFields.CONTENTS, term)) / (double) n;
        });
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** A function of a searcher that may throw IOException. */
    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code f} on the current searcher, releasing it afterwards. */
    <T> T withSearcher(SearcherFunction<T> f) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return f.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forEachMatch(Query query, Set<String> fields, java.util.function.Consumer<Document> action) {
        withSearcher(s -> {
            Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Scorer scorer = w.scorer(leaf);
                if (scorer == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                var stored = leaf.reader().storedFields();
                var it = scorer.iterator();
                for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if (live == null || live.get(d)) {
                        action.accept(stored.document(d, fields));
                    }
                }
            }
            return null;
        });
    }

    private IndexWriter writable() {
        if (writer == null) {
            throw new IllegalStateException("this search index was opened read-only");
        }
        return writer;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (analysis != null) {
                analysis.shutdown();
            }
        }
        searchers.close();
        if (writer != null) {
            writer.close();
        }
        directory.close();
    }
}
