package org.dailypapers.solr;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.HybridRetriever;
import org.dailypapers.search.Retriever;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.SearchRequest;

/**
 * A {@link SearchPipeline} over a Solr collection: Solr returns the BM25 and kNN candidates, the app fuses them
 * with its own {@link HybridRetriever} (the same fusion, depth and relevance rule as the embedded engine), so
 * rankings do not depend on the backend. Thread-safe.
 */
public final class SolrSearchEngine implements org.dailypapers.search.SearchBackend.Engine {

    private final SolrPaperIndex index;
    private final Retriever retriever;
    private final SolrDenseRetriever dense;

    /**
     * @param embedder required when the pipeline has a dense side (its model id must match), else may be null
     * @throws IllegalArgumentException for the feedback methods (RM3, Rocchio), which read the embedded index's
     *     statistics and vectors and so run on the embedded backend only
     */
    public SolrSearchEngine(SolrPaperIndex index, Embedder embedder, SearchPipeline pipeline) {
        if (pipeline.rm3() != null || pipeline.rocchio() != null) {
            throw new IllegalArgumentException("method '" + pipeline.name() + "' (pseudo-relevance feedback) runs on the "
                    + "embedded backend only; on Solr: bm25, dense, hybrid, hybrid-rrf");
        }
        this.index = index;
        SolrBm25Retriever lexical = pipeline.bm25() == null ? null : new SolrBm25Retriever(index, pipeline.bm25());
        if (pipeline.denseModel() != null) {
            Objects.requireNonNull(embedder, "the dense side needs an embedder");
            if (!embedder.modelId().equals(pipeline.denseModel())) {
                throw new IllegalArgumentException("pipeline wants " + pipeline.denseModel() + ", embedder is "
                        + embedder.modelId());
            }
        }
        this.dense = embedder == null ? null : new SolrDenseRetriever(index, embedder);
        if (pipeline.denseModel() == null) {
            this.retriever = lexical;
        } else if (lexical == null) {
            this.retriever = dense;
        } else {
            this.retriever = new HybridRetriever(lexical, dense, pipeline.fusion(), index::withoutVector);
        }
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        return retriever.retrieve(request);
    }

    /** The {@code k} papers nearest to a paper, itself excluded; empty without an embedder or a vector. */
    @Override
    public List<ScoredPaper> similar(String id, int k) {
        if (dense == null) {
            return List.of();
        }
        float[] v = index.stored(Set.of(id)).getOrDefault(id, new SolrPaperIndex.Stored(null, null)).vector();
        return v == null ? List.of() : dense.retrieve(v, SearchRequest.of("", k), Set.of(id));
    }

    @Override
    public String tag() {
        return retriever.tag();
    }
}
