package org.dailypapers.eval;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.solr.SolrCollections;
import org.dailypapers.solr.SolrConfig;
import org.dailypapers.solr.SolrHttp;
import org.dailypapers.solr.SolrPaperIndex;
import org.dailypapers.solr.SolrSearchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EvalRunner} on a SolrCloud cluster: indexes a BEIR corpus (with vectors when an embedder is given) into
 * a new collection of the repository's configset, runs the judged queries through {@link SolrSearchEngine} (Solr's
 * BM25 and kNN candidates, the app's fusion) and deletes the collection when closed.
 */
public final class SolrEvalRunner implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SolrEvalRunner.class);
    private static final int BATCH = 500;

    private final BeirDataset dataset;
    private final Embedder embedder;
    private final SolrCollections collections;
    private final SolrPaperIndex index;
    private final int hits;
    /** Documents per second of the indexing (vectors computed or read from the cache before, not counted). */
    private final double docsPerSecond;

    public SolrEvalRunner(BeirDataset dataset, Embedder embedder, SolrConfig config, int hits) {
        this.dataset = dataset;
        this.embedder = embedder;
        this.hits = hits;
        SolrHttp http = new SolrHttp(config.urls(), config.timeout());
        this.collections = new SolrCollections(http, config);
        String name = "eval_" + System.currentTimeMillis();
        collections.ensureConfigSet();
        collections.createCollection(name);
        this.index = new SolrPaperIndex(http, name);
        List<SearchDocument> corpus = dataset.corpus();
        List<float[]> vectors = embedder == null ? null
                : embedder.embedDocuments(corpus.stream().map(SearchDocument::embeddingText).toList());
        long start = System.nanoTime();
        List<SolrPaperIndex.Entry> batch = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            batch.add(new SolrPaperIndex.Entry(corpus.get(i), vectors == null ? null : vectors.get(i)));
            if (batch.size() == BATCH || i == corpus.size() - 1) {
                index.upsert(batch);
                batch.clear();
            }
        }
        index.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        this.docsPerSecond = corpus.size() / seconds;
        LOG.info("indexed {} documents{} into Solr collection {} in {} ms ({} docs/s)", corpus.size(),
                embedder == null ? "" : " with vectors", name, Math.round(seconds * 1000), Math.round(docsPerSecond));
    }

    public double docsPerSecond() {
        return docsPerSecond;
    }

    public EvalRunner.Evaluation evaluate(SearchPipeline pipeline, String split) throws IOException {
        SolrSearchEngine engine = new SolrSearchEngine(index, pipeline.needsVectors() ? embedder : null, pipeline);
        return EvalRunner.evaluate(dataset, engine, pipeline.name(), split, hits);
    }

    @Override
    public void close() {
        collections.deleteCollection(index.collection());
    }
}
