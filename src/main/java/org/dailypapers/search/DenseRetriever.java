package org.dailypapers.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Nearest neighbours of the query's embedding in the index's HNSW graph, under the request's filters
 * (applied during graph search, so a filtered request still gets its {@code limit} results). Papers without a
 * vector are invisible here. Fielded clauses other than filters are ignored: the free text and phrases are
 * embedded. Scores are Lucene's dot-product similarity (1 + cos) / 2. Thread-safe.
 */
public final class DenseRetriever implements Retriever {

    private final PaperIndex index;
    private final Embedder embedder;
    private final UserQueryParser parser = new UserQueryParser();

    public DenseRetriever(PaperIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    /**
     * No results when the query has nothing to embed (no free text or phrase with a letter or digit, e.g. only
     * filters, punctuation or invisible characters): a hybrid search then ranks by its lexical side alone.
     */
    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        return queryVector(request).map(v -> retrieve(v, request, Set.<String>of())).orElse(List.of());
    }

    /** Ranks by a given query vector (e.g. one expanded by feedback), skipping the ids in {@code exclude}. */
    public List<ScoredPaper> retrieve(float[] queryVector, SearchRequest request, Set<String> exclude) {
        ParsedQuery parsed = parser.parse(request.query());
        Query filter = QueryFilters.of(request, parsed);
        if (!exclude.isEmpty()) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(filter == null ? new org.apache.lucene.search.MatchAllDocsQuery() : filter, Occur.FILTER);
            exclude.forEach(id -> b.add(new TermQuery(new Term(IndexFields.ID, id)), Occur.MUST_NOT));
            filter = b.build();
        }
        Query knn = new KnnFloatVectorQuery(IndexFields.VECTOR, queryVector, request.limit(), filter);
        return index.withSearcher(s -> {
            TopDocs top = s.search(knn, request.limit());
            return ResultIds.of(s.getIndexReader(), top);
        });
    }

    /**
     * The query vector of a request's text (the embedder may memoise it); empty when the text has nothing to
     * embed (see {@link #retrieve(SearchRequest)}).
     */
    public Optional<float[]> queryVector(SearchRequest request) {
        // the embedder cleans the text itself; cleaning never adds or removes a letter or digit
        String text = parser.parse(request.query()).semanticText();
        return EmbeddableText.hasContent(text) ? Optional.of(embedder.embedQuery(text)) : Optional.empty();
    }

    /**
     * The {@code k} papers nearest to a paper in embedding space, itself excluded; empty when the paper is
     * unknown or has no vector yet.
     */
    public List<ScoredPaper> similar(String id, int k) {
        Optional<float[]> v = index.vector(id);
        return v.map(vec -> retrieve(vec, SearchRequest.of("", k), Set.of(id))).orElse(List.of());
    }

    public Optional<float[]> vectorOf(String id) {
        return index.vector(id);
    }

    @Override
    public String tag() {
        return "dense(model=" + embedder.modelId() + ")";
    }
}
