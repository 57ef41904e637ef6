package org.dailypapers.search;

import java.util.List;
import java.util.Objects;
import org.dailypapers.search.feedback.Rm3Expander;
import org.dailypapers.search.feedback.RocchioExpander;

/**
 * A {@link SearchPipeline} wired to an index and an embedder: the one object the application searches
 * through. Thread-safe; create one per pipeline and share it.
 */
public final class SearchEngine implements Retriever {

    private final Retriever retriever;
    private final DenseRetriever dense;
    private final Bm25Retriever counter;

    /**
     * @param embedder required when the pipeline has a dense side (its model id must match), else may be null
     */
    public SearchEngine(PaperIndex index, Embedder embedder, SearchPipeline pipeline) {
        Retriever lexical = null;
        this.counter = new Bm25Retriever(index, pipeline.bm25() != null ? pipeline.bm25() : Bm25Params.DEFAULT);
        if (pipeline.bm25() != null) { // then the counter is the pipeline's own BM25
            lexical = pipeline.rm3() == null ? counter : new Rm3Expander(counter, index, pipeline.rm3());
        }
        if (pipeline.denseModel() != null) {
            Objects.requireNonNull(embedder, "the dense side needs an embedder");
            if (!embedder.modelId().equals(pipeline.denseModel())) {
                throw new IllegalArgumentException("pipeline wants " + pipeline.denseModel() + ", embedder is "
                        + embedder.modelId());
            }
            this.dense = new DenseRetriever(index, new QueryMemoEmbedder(embedder));
        } else {
            this.dense = embedder == null ? null : new DenseRetriever(index, embedder);
        }
        this.retriever = compose(index, pipeline, lexical);
    }

    private Retriever compose(PaperIndex index, SearchPipeline p, Retriever lexical) {
        if (p.denseModel() == null) {
            return lexical;
        }
        Retriever denseSide = dense;
        java.util.function.Function<java.util.Set<String>, java.util.Set<String>> blind = index::withoutVector;
        if (p.rocchio() != null) {
            Retriever feedback = lexical == null ? dense : new HybridRetriever(lexical, dense, p.fusion(), blind);
            denseSide = new RocchioExpander(dense, feedback, p.rocchio());
        }
        return lexical == null ? denseSide : new HybridRetriever(lexical, denseSide, p.fusion(), blind);
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        return retriever.retrieve(request);
    }

    /**
     * How many papers match the request lexically (share a word with it, pass its clauses and filters): the
     * size of the result set apart from the papers the dense side adds on meaning alone.
     */
    public int lexicalMatches(SearchRequest request) {
        return counter.count(request);
    }

    /**
     * The {@code k} papers most similar to a paper by embedding, itself excluded; empty when the engine has
     * no embedder or the paper has no vector yet.
     */
    public List<ScoredPaper> similar(String id, int k) {
        return dense == null ? List.of() : dense.similar(id, k);
    }

    @Override
    public String tag() {
        return retriever.tag();
    }
}
