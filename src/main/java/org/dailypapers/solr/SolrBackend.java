package org.dailypapers.solr;

import org.dailypapers.search.Embedder;
import org.dailypapers.search.SearchBackend;
import org.dailypapers.search.SearchPipeline;

/**
 * Searches on a SolrCloud alias ({@link SolrConfig#alias()}): each pipeline is a {@link SolrSearchEngine}, Solr's
 * BM25 and kNN candidates fused by the app, as {@code eval --backend} does. Thread-safe.
 */
public final class SolrBackend implements SearchBackend {

    private final SolrPaperIndex index;

    public SolrBackend(SolrHttp solr, SolrConfig config) {
        this.index = new SolrPaperIndex(solr, config.alias());
    }

    @Override
    public Engine engine(SearchPipeline pipeline, Embedder embedder) {
        return new SolrSearchEngine(index, embedder, pipeline);
    }
}
