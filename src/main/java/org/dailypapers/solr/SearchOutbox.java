package org.dailypapers.solr;

import java.io.Closeable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.SharedVectors;
import org.dailypapers.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How writes reach the search engine: a saved paper is {@link #enqueue enqueued} in the database's outbox, and a
 * background worker (any app node's; writes are idempotent) writes the paper's current state from the database
 * to the engine, then removes the entry. When the engine cannot be reached the entries stay, each attempt waiting
 * longer (1 s doubling to 5 min), so an engine or a node that was down catches up. While a reindex builds a new
 * collection (alias {@code <alias>-next}, see {@link SolrReindexer}) the worker writes to it too. Thread-safe.
 */
public final class SearchOutbox implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchOutbox.class);
    static final int BATCH = 200;
    private static final long MAX_BACKOFF_MS = 300_000;
    /**
     * How long a node holds the entries it took (so that other nodes skip them) before another may take them: a
     * node killed mid-write leaves its entries to the others after this.
     */
    static final long CLAIM_MS = 60_000;
    /** The job name of the lease on creating a first collection. */
    static final String FIRST_COLLECTION = "solr-first-collection";

    private final SearchOutboxRepository outbox;
    private final PaperRepository papers;
    private final SolrCollections collections;
    private final SolrHttp solr;
    private final String alias;
    private final Embedder embedder;
    private final Function<List<SearchDocument>, Map<String, float[]>> knownVectors;
    private final Clock clock;
    /**
     * The lease on creating the first collection ({@link #FIRST_COLLECTION}, slot: the alias), so that nodes starting
     * together on an empty cluster create one, not one each: the holder creates it; the others wait for its alias.
     */
    private final org.dailypapers.store.RunClaims firstCollection;
    /** Whether Solr failed on the last round: one WARN per outage, not one per round. */
    private volatile boolean unreachable;
    private ScheduledExecutorService worker;
    /** Whether the worker has made sure the alias exists (it does so before its first write). */
    private volatile boolean collectionReady;

    /** @param embedder computes the vectors of new or changed text; null leaves them without (BM25 only) */
    public SearchOutbox(Database database, PaperRepository papers, SolrHttp solr, SolrConfig config, Embedder embedder,
            Clock clock) {
        this(database, papers, solr, config, embedder, docs -> Map.of(), clock);
    }

    /**
     * For an app node, which encodes in its own background worker and never here: vectors come from
     * {@code knownVectors} (by id, for the documents' current text; absent: none yet, and the paper is enqueued
     * again when its vector is computed).
     */
    public static SearchOutbox withKnownVectors(Database database, PaperRepository papers, SolrHttp solr,
            SolrConfig config, Function<List<SearchDocument>, Map<String, float[]>> knownVectors, Clock clock) {
        return new SearchOutbox(database, papers, solr, config, null, knownVectors, clock);
    }

    private SearchOutbox(Database database, PaperRepository papers, SolrHttp solr, SolrConfig config, Embedder embedder,
            Function<List<SearchDocument>, Map<String, float[]>> knownVectors, Clock clock) {
        this.knownVectors = knownVectors;
        this.outbox = new SearchOutboxRepository(database);
        this.papers = papers;
        this.solr = solr;
        this.collections = new SolrCollections(solr, config);
        this.alias = config.alias();
        this.embedder = embedder;
        this.clock = clock;
        this.firstCollection = new org.dailypapers.store.RunClaims(database, "outbox-" + java.util.UUID.randomUUID(), clock,
                org.dailypapers.store.RunClaims.DEFAULT_TTL);
    }

    /** Marks these papers' search documents as to be written (after the papers were saved, or deleted). */
    public void enqueue(Collection<String> paperIds) {
        outbox.enqueue(paperIds, clock.millis());
    }

    /**
     * {@code shared}, telling this outbox of every vector saved through it (computed by this node's background
     * worker, or shipped with the demo data), so that the engine gets the paper again, now with its vector.
     */
    public SharedVectors enqueueing(SharedVectors shared) {
        return new SharedVectors() {
            @Override
            public Map<String, float[]> find(String model, List<SearchDocument> docs) {
                return shared.find(model, docs);
            }

            @Override
            public List<SearchDocument> claim(String model, List<SearchDocument> docs) {
                return shared.claim(model, docs);
            }

            @Override
            public void save(String model, List<SearchDocument> docs, List<float[]> vectors) {
                shared.save(model, docs, vectors);
                enqueue(docs.stream().map(SearchDocument::id).toList());
            }
        };
    }

    /** Entries not yet written. */
    public long pending() {
        return outbox.pending();
    }

    /** Why the last attempt to write a pending paper failed, if it did. */
    public Optional<String> lastError(String paperId) {
        return outbox.lastError(paperId);
    }

    /**
     * Writes one batch of due entries to the engine (to the alias and, during a reindex, to the collection being
     * built) and commits. Returns how many entries it took; on a failure they stay, due again later.
     */
    public int drainOnce() {
        long now = clock.millis();
        List<SearchOutboxRepository.Pending> due = outbox.claim(now, BATCH, now + CLAIM_MS);
        if (due.isEmpty()) {
            return 0;
        }
        try {
            // the aliases are read after the entries: an entry committed after a reindex began sees its alias
            List<String> targets = new ArrayList<>(List.of(alias));
            collections.aliasTarget(SolrReindexer.nextAlias(alias)).ifPresent(c -> targets.add(c));
            List<ArxivId> ids = due.stream().map(p -> ArxivId.parse(p.paperId())).flatMap(Optional::stream).toList();
            List<PaperRecord> found = papers.findAll(ids);
            List<SearchDocument> docs = found.stream()
                    .map(r -> SearchDocument.from(r.paper(), r.entry() == null ? null : r.entry().feedDay())).toList();
            Set<String> gone = new HashSet<>(due.stream().map(SearchOutboxRepository.Pending::paperId).toList());
            docs.forEach(d -> gone.remove(d.id()));
            for (String target : targets) {
                SolrPaperIndex index = new SolrPaperIndex(solr, target);
                index.upsert(withVectors(index, docs));
                index.delete(gone);
                index.commit();
            }
            outbox.done(due);
            return due.size();
        } catch (RuntimeException e) {
            int attempts = due.stream().mapToInt(SearchOutboxRepository.Pending::attempts).max().orElse(0);
            long backoff = Math.min(MAX_BACKOFF_MS, 1000L << Math.min(attempts, 20));
            outbox.failed(due, clock.millis() + backoff, e.toString());
            LOG.warn("search outbox: {} writes failed (attempt {}), retrying in {} s: {}", due.size(), attempts + 1,
                    backoff / 1000, e.toString());
            return due.size();
        }
    }

    /**
     * The documents with vectors: the engine's own when the text it holds is unchanged, else computed (when an
     * embedder is configured).
     */
    List<SolrPaperIndex.Entry> withVectors(SolrPaperIndex index, List<SearchDocument> docs) {
        Map<String, SolrPaperIndex.Stored> stored = index.stored(docs.stream().map(SearchDocument::id).toList());
        List<SolrPaperIndex.Entry> out = new ArrayList<>(docs.size());
        List<SearchDocument> lacking = new ArrayList<>();
        for (SearchDocument d : docs) {
            SolrPaperIndex.Stored s = stored.get(d.id());
            if (s != null && s.vector() != null && s.version().equals(d.version())) {
                out.add(new SolrPaperIndex.Entry(d, s.vector()));
            } else {
                lacking.add(d);
            }
        }
        Map<String, float[]> known = lacking.isEmpty() ? Map.of() : knownVectors.apply(lacking);
        List<SearchDocument> toEmbed = new ArrayList<>();
        for (SearchDocument d : lacking) {
            float[] v = known.get(d.id());
            if (v != null) {
                out.add(new SolrPaperIndex.Entry(d, v));
            } else {
                toEmbed.add(d);
            }
        }
        List<float[]> vectors = embedder == null || toEmbed.isEmpty() ? null
                : embedder.embedDocuments(toEmbed.stream().map(SearchDocument::embeddingText).toList());
        for (int i = 0; i < toEmbed.size(); i++) {
            out.add(new SolrPaperIndex.Entry(toEmbed.get(i), vectors == null ? null : vectors.get(i)));
        }
        return out;
    }

    /**
     * Makes sure the alias exists (uploading the configset and creating a first collection when missing); a
     * collection created now is filled from the database by enqueuing every paper. Returns whether the engine
     * answered; the worker tries again each round until it does.
     */
    /** Whether "another node creates the first collection" was said already (once, not every round). */
    private volatile boolean waitingLogged;

    public boolean prepareCollection() {
        if (collectionReady) {
            return true;
        }
        try {
            boolean existed = collections.aliasTarget(alias).isPresent();
            // a lease, never marked finished: a node killed while creating lets another take over after its ttl,
            // and a cluster that lost the alias later gets it again
            if (!existed && !firstCollection.claim(FIRST_COLLECTION, alias.length() <= 40 ? alias : alias.substring(0, 40))) {
                if (!waitingLogged) {
                    LOG.info("search outbox: another node creates the first Solr collection (alias {}); waiting for it", alias);
                    waitingLogged = true;
                }
                return false;
            }
            List<String> all = new ArrayList<>();
            if (!existed) {
                // queued before the alias exists (no node drains until then): a creator that dies after making
                // the alias still leaves every paper queued for whoever drains
                papers.forEach(r -> all.add(r.paper().id().value()));
                enqueue(all);
            }
            String collection = collections.ensureAlias();
            if (!existed) {
                LOG.info("search outbox: created Solr collection {} (alias {}); writing its {} papers from the database",
                        collection, alias, all.size());
            }
            collectionReady = true;
            if (unreachable) {
                LOG.info("search outbox: Solr answers again");
                unreachable = false;
            }
            return true;
        } catch (RuntimeException e) {
            if (!unreachable) {
                LOG.warn("search outbox: Solr cannot be reached, writes wait in the database: {}", e.toString());
            }
            unreachable = true;
            return false;
        }
    }

    /**
     * Drains in the background: every {@code intervalMillis}, batch after batch while entries are due, once the
     * alias exists ({@link #prepareCollection}).
     */
    public synchronized void start(long intervalMillis) {
        if (worker != null) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-outbox");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(() -> {
            try {
                if (!prepareCollection()) {
                    return;
                }
                while (drainOnce() == BATCH) {
                    // a full batch: more may be due
                }
            } catch (RuntimeException e) {
                LOG.warn("search outbox: {}", e.toString()); // the database itself failed: next round
            }
        }, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.shutdownNow();
            try {
                // a drain still writing must end before the app closes the database under it
                worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        firstCollection.close();
    }
}
