package org.dailypapers.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.SearchDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the engine's collection from the database without downtime: builds a new collection (on the current
 * configset) beside the one the alias names, points the alias at it, and deletes the old one. Searches use the old
 * collection until the switch. While it builds, the alias {@code <alias>-next} names the new collection, so the
 * {@link SearchOutbox} writes there too and no write made during the rebuild is lost. Vectors of unchanged text
 * are copied from the old collection; the rest are computed by the outbox's embedder (or left out).
 */
public final class SolrReindexer {

    private static final Logger LOG = LoggerFactory.getLogger(SolrReindexer.class);
    private static final int BATCH = 500;

    private final SolrCollections collections;
    private final SolrHttp solr;
    private final SolrConfig config;
    private final PaperRepository papers;
    private final SearchOutbox outbox;

    public SolrReindexer(SolrHttp solr, SolrConfig config, PaperRepository papers, SearchOutbox outbox) {
        this.collections = new SolrCollections(solr, config);
        this.solr = solr;
        this.config = config;
        this.papers = papers;
        this.outbox = outbox;
    }

    /** The alias that names the collection a reindex is building. */
    static String nextAlias(String alias) {
        return alias + "-next";
    }

    /** What a reindex did. */
    public record Result(String collection, String replaced, long papers) {}

    public Result reindex() {
        return reindex(written -> { });
    }

    /** As {@link #reindex()}, telling {@code progress} how many papers are written so far after each batch. */
    public Result reindex(java.util.function.LongConsumer progress) {
        collections.ensureConfigSet();
        Optional<String> old = collections.aliasTarget(config.alias());
        String name = collections.newCollectionName();
        collections.createCollection(name);
        collections.setAlias(nextAlias(config.alias()), name);
        SolrPaperIndex target = new SolrPaperIndex(solr, name);
        SolrPaperIndex previous = old.map(o -> new SolrPaperIndex(solr, o)).orElse(null);
        List<SearchDocument> batch = new ArrayList<>();
        long[] count = {0};
        papers.forEach(r -> {
            batch.add(SearchDocument.from(r.paper(), r.entry() == null ? null : r.entry().feedDay()));
            if (batch.size() == BATCH) {
                count[0] += write(target, previous, batch);
                progress.accept(count[0]);
            }
        });
        count[0] += write(target, previous, batch);
        progress.accept(count[0]);
        target.commit();
        collections.setAlias(config.alias(), name);
        collections.deleteAlias(nextAlias(config.alias()));
        old.filter(o -> !o.equals(name)).ifPresent(collections::deleteCollection);
        LOG.info("reindexed {} papers into {} (alias {}{})", count[0], name, config.alias(),
                old.map(o -> ", replacing " + o).orElse(""));
        return new Result(name, old.orElse(null), count[0]);
    }

    private int write(SolrPaperIndex target, SolrPaperIndex previous, List<SearchDocument> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        target.upsert(outbox.withVectors(previous != null ? previous : target, batch));
        int n = batch.size();
        batch.clear();
        return n;
    }
}
