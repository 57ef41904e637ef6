package org.dailypapers.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the papers of the database: a Lucene index derived from it and kept in step with it
 * ({@link #catchUp}, {@link #reindex}), the configured pipeline, similar papers, and a background worker that
 * loads the embedding model and computes missing vectors. Until the model is loaded, searches run BM25 only;
 * papers without a vector keep their lexical score in hybrid fusion, so search works throughout.
 * Thread-safe; close it once.
 */
public final class PaperSearch implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(PaperSearch.class);
    private static final int EMBED_BATCH = 32;
    private volatile SharedVectors shared = SharedVectors.NONE;
    /** Papers taken from the newest end of the backlog at a time (about 15-60 s of encoding on 2 cores). */
    private static final int EMBED_CHUNK = 1024;
    /** A file in the index directory naming the model of its vectors. */
    static final String MODEL_MARKER = "vectors-model.txt";

    private final PaperIndex index;
    private final PaperRepository papers;
    private final SearchConfig config;
    private final SnippetMaker snippets = new SnippetMaker();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-worker");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicBoolean backfillQueued = new AtomicBoolean();
    /** The index may lack changes the database holds ({@link #inStepWithDatabase()}). */
    private volatile boolean behind = true;
    /** A write reached the database and maybe not the index ({@link #writeMissed()}); never cleared. */
    private volatile boolean writeMissed;
    /** How long {@link #close} waits for database writes in flight ({@link #enterWrite}). */
    static final java.time.Duration WRITES_AT_CLOSE = java.time.Duration.ofSeconds(30);
    private final Object writes = new Object();
    private int writesInFlight;
    private boolean closing;
    private volatile java.time.Duration writesAtClose = WRITES_AT_CLOSE;
    /** Bulk imports under way that commit at their end ({@link #deferringCommits}). */
    private final java.util.concurrent.atomic.AtomicInteger deferringCommits = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;
    private volatile Embedder embedder;
    private volatile SearchEngine engine;
    /** The configured pipeline's lexical side alone, while semantic search warms up; null without a dense side. */
    private final SearchEngine lexicalEngine;
    private final EmbeddingBacklog backlog;
    private final LexicalRelevance relevance;
    /** Where searches run instead of this node's index ({@link #searchOn}); null: here. */
    private volatile SearchBackend backend;
    /** The backend's engines for {@link #engine} and {@link #lexicalEngine}: set with {@link #backend}. */
    private volatile SearchBackend.Engine remoteEngine;
    private volatile SearchBackend.Engine remoteLexical;
    /** While the backend cannot be reached, searches answer from this node's index. */
    private final BackendFallback fallback = new BackendFallback(System::currentTimeMillis);

    private PaperSearch(PaperIndex index, PaperRepository papers, SearchConfig config) {
        this.index = index;
        this.papers = papers;
        this.config = config;
        this.engine = new SearchEngine(index, null, SearchPipeline.named("bm25", null));
        this.relevance = new LexicalRelevance(index);
        SearchPipeline p = config.pipeline();
        this.lexicalEngine = p.bm25() == null || p.denseModel() == null ? null
                : new SearchEngine(index, null, new SearchPipeline(p.name(), p.bm25(), p.rm3(), null, null, null));
        this.backlog = new EmbeddingBacklog(index::count, index::countWithoutVector, System::nanoTime);
    }

    /**
     * The engine for a search now: the full pipeline, except while semantic search warms up (most papers without
     * a vector, {@link EmbeddingBacklog#warmingUp()}): then its lexical side alone, with no query encoding.
     */
    private SearchEngine current() {
        SearchEngine full = engine;
        return embedder != null && lexicalEngine != null && backlog.warmingUp() ? lexicalEngine : full;
    }

    /** The counterpart of {@code local} on the {@link #searchOn backend}; null without one. */
    private SearchBackend.Engine remoteFor(SearchEngine local) {
        if (backend == null) {
            return null;
        }
        return local == lexicalEngine ? remoteLexical : remoteEngine;
    }

    /**
     * {@code call} on the backend's engine when there is one and it answers; else (none, or it is down: see
     * {@link BackendFallback}) {@code local}, on this node's own index.
     */
    private <T> T onBackend(SearchBackend.Engine remote, java.util.function.Function<SearchBackend.Engine, T> call,
            java.util.function.Supplier<T> local) {
        if (remote == null || !fallback.tryBackend()) {
            return local.get();
        }
        try {
            T out = call.apply(remote);
            fallback.succeeded();
            return out;
        } catch (SearchBackend.Unavailable e) {
            fallback.failed(e);
            return local.get();
        }
    }

    /**
     * Where searches run: {@code embedded} (this node's index), the backend's name (e.g. {@code solr}), or, while
     * the backend cannot be reached, e.g. {@code solr-unreachable, local fallback}.
     */
    public String backendState() {
        SearchBackend b = backend;
        return b == null ? "embedded" : fallback.degraded() ? b.name() + "-unreachable, local fallback" : b.name();
    }

    /** A notice for search pages while the backend cannot be reached and this node's index answers; else empty. */
    public Optional<String> reducedModeNotice() {
        return backend != null && fallback.degraded()
                ? Optional.of("Search is running in a reduced mode: the search cluster cannot be reached, so results "
                        + "come from this server's own copy of the index.")
                : Optional.empty();
    }

    /**
     * Runs searches and similar papers on {@code backend} (a distributed engine kept in step with the database
     * elsewhere) instead of this node's index, with the same pipeline, warm-up and hidden papers. This node's index
     * still answers what is cheap and local: match counts, author lists, a paper's vector. Call before
     * {@link #startBackground()}.
     *
     * @throws IllegalArgumentException when the backend cannot run the configured pipeline (validate the
     *     configuration first: with a dense side, the full pipeline is only built once the model has loaded)
     */
    public synchronized void searchOn(SearchBackend backend) {
        SearchPipeline p = config.pipeline();
        remoteLexical = lexicalEngine == null ? null
                : backend.engine(new SearchPipeline(p.name(), p.bm25(), p.rm3(), null, null, null), null);
        remoteEngine = embedder == null ? backend.engine(SearchPipeline.named("bm25", null), null)
                : backend.engine(p, embedder);
        this.backend = backend;
    }

    /** The background encoder's backlog: papers without a vector, rate, estimated end. */
    public EmbeddingBacklog.Snapshot backlog() {
        return backlog.snapshot();
    }

    /**
     * "Semantic search warming up: 12% of papers embedded...", while searches skip the dense side because
     * most papers have no vector yet; empty otherwise.
     */
    public Optional<String> warmingUpNotice() {
        return current() == lexicalEngine && lexicalEngine != null ? Optional.of(backlog.snapshot().warmingUpNotice())
                : Optional.empty();
    }

    /**
     * Opens (or creates) the index in {@code dir}. Vectors are only comparable within one model, so when the
     * index holds vectors of another model than the configured one, it is emptied: the next catch-up re-adds
     * every paper and the background worker computes the new model's vectors.
     *
     * @throws IndexInUseException when another process (a running {@code serve}) holds the index
     */
    public static PaperSearch open(Path dir, PaperRepository papers, SearchConfig config) {
        try {
            PaperIndex index = PaperIndex.open(dir, config.storage());
            Path marker = dir.resolve(MODEL_MARKER);
            String model = config.model().id();
            String indexed = java.nio.file.Files.exists(marker) ? java.nio.file.Files.readString(marker).strip() : null;
            if (indexed != null && !indexed.equals(model)) {
                log.info("The index holds {} vectors but the configured model is {}: rebuilding it", indexed, model);
                index.indexedIds().forEach(index::delete);
                index.commit();
                IndexInStepMarker.discard(dir); // it holds no paper now
            }
            if (!model.equals(indexed)) {
                java.nio.file.Files.writeString(marker, model + "\n");
            }
            return new PaperSearch(index, papers, config);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IndexInUseException("the search index in " + dir + " is in use by another process (a running serve?):"
                    + " stop it first, or use another data directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    /** Whether {@code dir} holds a search index (one that {@link #openReadOnly} can open). */
    public static boolean exists(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return false;
        }
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir)) {
            return org.apache.lucene.index.DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /**
     * Opens the index in {@code dir} for searching only, beside the process that owns it (a running
     * {@code serve}): nothing is caught up, embedded or written, and {@link #indexed} throws. For commands such
     * as {@code digest send} that search but never import.
     *
     * @throws IllegalStateException when there is no index yet or it holds vectors of another model
     */
    public static PaperSearch openReadOnly(Path dir, PaperRepository papers, SearchConfig config) {
        Path marker = dir.resolve(MODEL_MARKER);
        try {
            String indexed = java.nio.file.Files.exists(marker) ? java.nio.file.Files.readString(marker).strip() : config.model().id();
            if (!indexed.equals(config.model().id())) {
                throw new IllegalStateException("the search index in " + dir + " holds vectors of " + indexed
                        + ", not of the configured model " + config.model().id());
            }
            return new PaperSearch(PaperIndex.openReadOnly(dir), papers, config);
        } catch (org.apache.lucene.index.IndexNotFoundException e) {
            throw new IllegalStateException("there is no search index in " + dir + " yet: run serve or import first", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    /**
     * Brings the index in step with the database: adds missing papers, re-indexes changed ones (by
     * {@link SearchDocument#version()}) and removes papers the database no longer has. Vectors come from
     * {@code knownVectors} (keyed by arXiv id, e.g. the shipped demo vectors), else from the old document when
     * its text is unchanged; the rest are left to the background worker.
     */
    public CatchUp catchUp(Map<String, float[]> knownVectors) {
        behind = true; // until it has finished
        Map<String, String> indexed = new HashMap<>(index.indexedVersions());
        java.util.Set<String> lacking = knownVectors.isEmpty() ? java.util.Set.of() : index.idsWithoutVector();
        int[] counts = new int[2];
        List<SearchDocument> toShare = new ArrayList<>();
        List<float[]> sharedVectors = new ArrayList<>();
        papers.forEach(r -> {
            if (closed) { // a stop does not wait minutes for a comparison it would have to redo anyway
                throw new java.util.concurrent.CancellationException("the search index is closing");
            }
            SearchDocument doc = document(r);
            String had = indexed.remove(doc.id());
            boolean vectorArrived = lacking.contains(doc.id()) && knownVectors.containsKey(doc.id());
            if (!doc.version().equals(had) || vectorArrived) {
                float[] vector = vectorFor(doc, had != null, knownVectors);
                index.upsert(doc, vector);
                counts[had == null ? 0 : 1]++;
                if (vector != null && knownVectors.containsKey(doc.id())) { // shipped vectors: other nodes need not encode them
                    toShare.add(doc);
                    sharedVectors.add(vector);
                }
            }
        });
        indexed.keySet().forEach(index::delete);
        index.commit();
        for (int i = 0; i < toShare.size(); i += 500) {
            int end = Math.min(toShare.size(), i + 500);
            shared.save(config.model().id(), toShare.subList(i, end), sharedVectors.subList(i, end));
        }
        behind = false;
        wakeBackfill();
        return new CatchUp(counts[0], counts[1], indexed.size());
    }

    /**
     * Re-reads these papers from the database into the index (after an import saved them). Papers not indexed
     * before are told apart with one query for the batch instead of two lookups per paper (issue 16). Durable
     * at once, except {@linkplain #deferringCommits inside a bulk import}.
     */
    public void indexed(Collection<ArxivId> ids) {
        try {
            index(ids);
        } catch (RuntimeException | Error e) {
            writeMissed(); // the database holds what the index lacks: the next start must compare
            throw e;
        }
    }

    private void index(Collection<ArxivId> ids) {
        Map<ArxivId, PaperRecord> found = new HashMap<>();
        papers.findAll(List.copyOf(ids)).forEach(r -> found.put(r.paper().id(), r));
        java.util.Set<String> wasIndexed = index.present(ids.stream().map(ArxivId::value).collect(java.util.stream.Collectors.toSet()));
        // Added in order by one writer (upsertAll may analyse ahead on another thread, but never adds there): papers
        // that score alike are ranked by their place in the index, so every node and every run must add them in the
        // same order (adding from two threads made PostgresTest's ties differ).
        List<SearchDocument> docs = new java.util.ArrayList<>(ids.size());
        List<float[]> vectors = new java.util.ArrayList<>(ids.size());
        for (ArxivId id : ids) {
            PaperRecord r = found.get(id);
            if (r != null) {
                SearchDocument doc = document(r);
                docs.add(doc);
                vectors.add(vectorFor(doc, wasIndexed.contains(doc.id()), Map.of()));
            } else {
                index.delete(id.value());
            }
        }
        index.upsertAll(docs, vectors);
        if (deferringCommits.get() == 0) {
            index.commit();
        }
        wakeBackfill();
    }

    /**
     * Runs {@code bulkImport} with the index committed once at its end instead of after every batch: each
     * commit flushes a small segment that must later be merged again and again (issue 16: on 700,000 papers
     * the import slowed down as the index grew). Only for work that nobody searches meanwhile and that a crash
     * makes the next run catch up on ({@code App.importing}). Meanwhile the index buffers more before writing a
     * segment, so there are fewer segments to merge.
     */
    public <T> T deferringCommits(java.util.function.Supplier<T> bulkImport) {
        if (deferringCommits.getAndIncrement() == 0) {
            index.ramBuffer(PaperIndex.BULK_RAM_BUFFER_MB);
        }
        try {
            return bulkImport.get();
        } finally {
            if (deferringCommits.decrementAndGet() == 0) {
                index.ramBuffer(PaperIndex.RAM_BUFFER_MB);
            }
            index.commit();
        }
    }

    private static SearchDocument document(PaperRecord r) {
        return SearchDocument.from(r.paper(), r.entry() == null ? null : r.entry().feedDay());
    }

    private float[] vectorFor(SearchDocument doc, boolean wasIndexed, Map<String, float[]> known) {
        float[] shipped = known.get(doc.id());
        if (shipped != null) {
            return shipped;
        }
        if (!wasIndexed) {
            return null;
        }
        Optional<SearchDocument> old = index.document(doc.id());
        return old.isPresent() && old.get().embeddingText().equals(doc.embeddingText())
                ? index.vector(doc.id()).orElse(null) : null;
    }

    /**
     * Runs the configured pipeline (BM25 alone until the embedding model has loaded). Papers an administrator
     * hid are left out: the engine is asked for as many more results as there are hidden papers, then they
     * are dropped, so the page stays full. Every search (the HTML and JSON ones, digests) goes through here.
     */
    public List<ScoredPaper> search(SearchRequest request) {
        return search(current(), request);
    }

    private List<ScoredPaper> search(SearchEngine engine, SearchRequest request) {
        java.util.Set<String> hidden = papers.hiddenIds();
        SearchRequest asked = hidden.isEmpty() ? request
                : request.withLimit(Math.min(SearchRequest.MAX_LIMIT, request.limit() + hidden.size()));
        List<ScoredPaper> found = onBackend(remoteFor(engine), r -> r.retrieve(asked), () -> engine.retrieve(asked));
        return hidden.isEmpty() ? found : withoutHidden(found, hidden, request.limit());
    }

    /**
     * As {@link #search}, but keeping only papers that match the query by its words: each of its terms (or its
     * phrases and fields) occurs in the paper. For lists that must not show a merely nearest paper, such as a
     * digest's topic section; a query that matches nothing gets an empty list.
     */
    public List<ScoredPaper> searchRelevant(SearchRequest request) {
        // Ranked as search ranks, from a wider list, so that dropping unrelated papers does not leave the list short.
        int wider = Math.min(SearchRequest.MAX_LIMIT, Math.max(100, request.limit() * 10));
        return relevance.keepRelevant(request, search(request.withLimit(wider))).stream().limit(request.limit()).toList();
    }

    /** {@link #search} with about how many results there are in all (for "About 1,240 papers"). */
    public SearchResults find(SearchRequest request) {
        SearchEngine current = current();
        List<ScoredPaper> results = search(current, request);
        return new SearchResults(results, results.isEmpty() ? 0 : current.lexicalMatches(request));
    }

    /** The ids of every paper with this author (see {@link PaperIndex#byAuthor}), newest first, hidden ones left out. */
    public List<String> byAuthor(String name) {
        java.util.Set<String> hidden = papers.hiddenIds();
        return index.byAuthor(name).stream().filter(id -> !hidden.contains(id)).toList();
    }

    /** The stored papers of these ids, in this order (one the database no longer has is skipped). */
    public List<PaperRecord> recordsOf(List<String> ids) {
        return papers.findAll(ids.stream().map(ArxivId::parse).flatMap(Optional::stream).toList());
    }

    /** Papers most like this one by embedding, itself and hidden papers excluded; empty until it has a vector. */
    public List<ScoredPaper> similar(ArxivId id, int k) {
        java.util.Set<String> hidden = papers.hiddenIds();
        SearchBackend.Engine remote = backend == null ? null : remoteEngine;
        SearchEngine local = engine;
        int asked = hidden.isEmpty() ? k : Math.min(SearchRequest.MAX_LIMIT, k + hidden.size());
        List<ScoredPaper> found = onBackend(remote, r -> r.similar(id.value(), asked), () -> local.similar(id.value(), asked));
        return hidden.isEmpty() ? found : withoutHidden(found, hidden, k);
    }

    private static List<ScoredPaper> withoutHidden(List<ScoredPaper> results, java.util.Set<String> hidden, int limit) {
        return results.stream().filter(s -> !hidden.contains(s.id())).limit(limit).toList();
    }

    /**
     * The vectors known for these documents' current text, by id: this node's (when its copy of the paper has the
     * same text), else those another node computed ({@link #shareVectors}); absent: none yet. For a backend's
     * writer, which never encodes itself.
     */
    public Map<String, float[]> vectorsOf(List<SearchDocument> docs) {
        Map<String, float[]> found = new HashMap<>();
        List<SearchDocument> rest = new ArrayList<>();
        for (SearchDocument d : docs) {
            Optional<SearchDocument> mine = index.document(d.id());
            Optional<float[]> v = mine.isPresent() && mine.get().embeddingText().equals(d.embeddingText())
                    ? index.vector(d.id()) : Optional.empty();
            if (v.isPresent()) {
                found.put(d.id(), v.get());
            } else {
                rest.add(d);
            }
        }
        if (!rest.isEmpty()) {
            found.putAll(shared.find(config.model().id(), rest));
        }
        return found;
    }

    /** A paper's embedding (unit length, as the index keeps it), if it has one yet. */
    public Optional<float[]> vector(ArxivId id) {
        return index.vector(id.value());
    }

    /** The stored papers of these results, in result order (a result the database no longer has is skipped). */
    public List<PaperRecord> records(List<ScoredPaper> results) {
        return papers.findAll(results.stream().map(s -> ArxivId.parse(s.id())).flatMap(Optional::stream).toList());
    }

    /** For each text, the passage that best matches {@code query}, with the matching words marked. */
    public List<Snippet> snippets(String query, List<String> texts, int width) {
        return snippets.snippets(query, texts, width);
    }

    /** Papers in the index: cheap, for health checks. */
    public int indexedCount() {
        return index.count();
    }

    /** The run tag of the pipeline searches use now (BM25 alone until the model has loaded). */
    public String method() {
        SearchEngine local = current();
        SearchBackend.Engine remote = remoteFor(local);
        return remote == null || fallback.degraded() ? local.tag() : remote.tag();
    }

    /** The full state, including a scan for papers without vectors: for the command line and logs. */
    public Status status() {
        return new Status(index.count(), index.idsWithoutVector().size(), embedder != null, engine.tag());
    }

    /**
     * Starts the background worker: loads the embedding model (then searches use the full pipeline), catches
     * the index up with the database unless it is known to be in step ({@link #markInStep}: the comparison of
     * every paper rarely finds anything after a clean stop, and takes minutes at millions of papers) and, when
     * {@link SearchConfig#embedInBackground()}, computes the vectors papers lack, now and after each change.
     */
    public void startBackground() {
        boolean compare = behind;
        worker.execute(() -> {
            if (closed) {
                return;
            }
            try {
                loadEmbedder();
            } catch (RuntimeException e) { // searches stay lexical; the comparison must still run
                log.error("The embedding model could not be loaded: searching with BM25 alone", e);
            }
            if (compare) {
                try {
                    log.info("Search index caught up with the database: {}", catchUp(Map.of()));
                } catch (java.util.concurrent.CancellationException e) {
                    log.info("Stopped before the search index caught up with the database: the next start compares again");
                    return;
                }
            } else {
                log.info("Search index in step with the database: not comparing every paper");
            }
            backfillQueued.set(false);
            backfill(Integer.MAX_VALUE);
        });
    }

    /**
     * The owner vouches that the index matches the database: the last writer closed it cleanly and nothing
     * else writes the database ({@link IndexInStepMarker}). Until this or a {@link #catchUp}, the index is
     * assumed to lack changes (after a crash, an import by another process, a shared database).
     */
    public void markInStep() {
        behind = false;
    }

    /**
     * Whether the index holds every change the database does: false until {@link #markInStep} or a
     * {@link #catchUp} has finished, and for good once a write may have missed the index ({@link #writeMissed}).
     * The owner records a clean stop only then ({@link IndexInStepMarker}).
     */
    public boolean inStepWithDatabase() {
        return !behind && !writeMissed;
    }

    /**
     * Says that papers reached the database but maybe not the index (a save whose indexing failed): the index
     * counts as behind for the rest of this process, even after a catch-up that may have run concurrently.
     */
    public void writeMissed() {
        writeMissed = true;
    }

    /**
     * Starts a database write of papers that this index follows ({@link org.dailypapers.paper.WriteFence}), so that
     * {@link #close} can wait for it and the owner never records a clean stop while one is half done (a harvest past
     * its stop, a request the web server had not finished). Refused once close has begun.
     */
    public Runnable enterWrite() {
        synchronized (writes) {
            if (closing) {
                throw new IllegalStateException("the search index is closing: no papers can be saved now");
            }
            writesInFlight++;
        }
        java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (left.compareAndSet(false, true)) {
                synchronized (writes) {
                    writesInFlight--;
                    writes.notifyAll();
                }
            }
        };
    }

    /** How long {@link #close} waits for writes in flight (tests shorten it). */
    void waitAtCloseForWrites(java.time.Duration limit) {
        writesAtClose = limit;
    }

    /** Refuses new writes, then waits up to {@code limit} for those in flight; one still running counts as missed. */
    private void fenceWrites(java.time.Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (writes) {
            closing = true;
            try {
                while (writesInFlight > 0 && System.nanoTime() < deadline) {
                    writes.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (writesInFlight > 0) {
                log.warn("{} database write(s) of papers still running at close: the next start compares the index "
                        + "with the database", writesInFlight);
                writeMissed();
            }
        }
    }

    /** Loads the embedding model now (on this thread), switching searches to the full pipeline. */
    public synchronized void loadEmbedder() {
        if (embedder != null || closed || !config.pipeline().needsVectors()) {
            return;
        }
        long t0 = System.nanoTime();
        Embedder loaded = OnnxEmbedder.load(config.model());
        if (backend != null) { // before the engine: a search that sees the new engine finds its counterpart
            remoteEngine = backend.engine(config.pipeline(), loaded);
        }
        embedder = loaded;
        engine = new SearchEngine(index, loaded, config.pipeline());
        log.info("Embedding model {} loaded in {} ms; searching with {}", loaded.modelId(),
                (System.nanoTime() - t0) / 1_000_000, engine.tag());
    }

    /**
     * Other nodes sharing the database stored vectors ({@link SharedVectors}): the background worker takes them.
     */
    public void vectorsShared() {
        wakeBackfill();
    }

    /**
     * Several nodes on one database share their vectors through {@code shared} instead of each encoding every
     * paper; call before {@link #startBackground()}.
     */
    public void shareVectors(SharedVectors shared) {
        this.shared = shared;
    }

    /**
     * Fills in missing vectors on this thread, newest papers first: those other nodes computed
     * ({@link #shareVectors}), then up to {@code max} it computes itself; returns how many it computed. It asks
     * the index for the newest papers still lacking a vector every {@link #EMBED_CHUNK} papers, so that papers
     * imported meanwhile (the day's feed) go before the rest of an old backlog. The backlog is the index's own
     * "no vector" mark, so it survives restarts.
     */
    public int backfill(int max) {
        boolean encode = embedder != null && (config.embedInBackground() || max != Integer.MAX_VALUE);
        if (!encode && shared == SharedVectors.NONE) {
            return 0;
        }
        String model = config.model().id();
        int done = 0;
        List<String> previous = List.of();
        backlog.encoded(0); // the rate counts from here
        while (done < max && !closed) {
            List<String> todo = index.newestWithoutVector(Math.min(EMBED_CHUNK, max - done));
            // The same again: their vectors could not be stored, or other nodes are encoding them (they will tell).
            if (todo.isEmpty() || todo.equals(previous)) {
                break;
            }
            previous = todo;
            int encodedBefore = done;
            for (int i = 0; i < todo.size() && !closed; i += EMBED_BATCH) {
                List<SearchDocument> batch = todo.subList(i, Math.min(todo.size(), i + EMBED_BATCH)).stream()
                        .map(index::document).flatMap(Optional::stream).toList();
                Map<String, float[]> found = shared.find(model, batch);
                // Only if the text is still the one encoded: an import may have changed it meanwhile.
                List<SearchDocument> fromOthers = batch.stream().filter(d -> found.containsKey(d.id())).toList();
                index.setVectors(fromOthers, fromOthers.stream().map(d -> found.get(d.id())).toList());
                List<SearchDocument> docs = encode
                        ? shared.claim(model, batch.stream().filter(d -> !found.containsKey(d.id())).toList()) : List.of();
                if (!docs.isEmpty()) {
                    List<float[]> vectors = embedder.embedDocuments(docs.stream().map(SearchDocument::embeddingText).toList());
                    index.setVectors(docs, vectors);
                    shared.save(model, docs, vectors);
                    done += docs.size();
                    backlog.encoded(docs.size());
                }
                index.refresh();
            }
            index.commit();
            if (done > encodedBefore) { // a node that only takes other nodes' vectors has nothing to report
                int left = index.countWithoutVector();
                log.info("Embedded {} of {} papers lacking vectors ({} papers/s)", done, done + left,
                        String.format(java.util.Locale.ROOT, "%.1f", backlog.rate()));
            }
        }
        index.commit();
        return done;
    }

    private void wakeBackfill() {
        boolean work = embedder != null && config.embedInBackground() || shared != SharedVectors.NONE;
        if (work && !closed && backfillQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                backfillQueued.set(false);
                backfill(Integer.MAX_VALUE);
            });
        }
    }

    /** What {@link #optimize} did: segments before and after, papers, and those in reordered segments. */
    public record Optimized(int segmentsBefore, int segmentsAfter, int papers, int reorderedPapers) {}

    /** Merges the index into one segment, its papers reordered for faster BM25 ({@link PaperIndex#optimize}). */
    public Optimized optimize() {
        int before = index.segmentCount();
        index.optimize();
        return new Optimized(before, index.segmentCount(), index.count(), index.reorderedPapers());
    }

    /** Deletes every document and indexes the database afresh, keeping vectors whose text is unchanged. */
    public CatchUp reindex() {
        Map<String, float[]> keep = new HashMap<>();
        papers.forEach(r -> {
            SearchDocument doc = document(r);
            float[] vector = vectorFor(doc, true, Map.of());
            if (vector != null) {
                keep.put(doc.id(), vector);
            }
        });
        index.indexedIds().forEach(index::delete);
        index.commit();
        return catchUp(keep);
    }

    /**
     * Stops the background worker after its current step (never interrupting the model or the index
     * mid-write: ONNX Runtime crashes when its session is torn down under a running encode), then closes
     * the index.
     */
    @Override
    public void close() {
        fenceWrites(writesAtClose);
        closed = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("The search worker did not stop within 60 s; closing the index anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) { // loadEmbedder is synchronized: no model is loaded after this
            if (embedder instanceof AutoCloseable model) {
                try {
                    model.close();
                } catch (Exception e) {
                    log.warn("Closing the embedding model failed", e);
                }
            }
        }
        try {
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a catch-up did. */
    public record CatchUp(int added, int updated, int removed) {}

    /** The state of search, for /health and the CLI. */
    public record Status(int indexed, int withoutVector, boolean modelLoaded, String method) {}
}
