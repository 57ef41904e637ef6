package org.dailypapers.solr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.dailypapers.search.EmbeddableText;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.ParsedQuery;
import org.dailypapers.search.Retriever;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.UserQueryParser;

/**
 * kNN candidates from Solr's HNSW graphs ({@code {!knn}}), under the request's filters (Solr applies filter
 * queries before the graph search, as the embedded retriever does). Each shard returns its {@code topK} nearest
 * and Solr merges them, so {@code topK = limit} gives the collection's {@code limit} nearest. Scores are Lucene's
 * cosine score {@code (1 + cos) / 2}, the embedded dot-product score of unit vectors. Thread-safe.
 */
public final class SolrDenseRetriever implements Retriever {

    private final SolrPaperIndex index;
    private final Embedder embedder;
    private final SolrQueries queries = new SolrQueries();
    private final UserQueryParser parser = new UserQueryParser();

    public SolrDenseRetriever(SolrPaperIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    /** No results when the query has nothing to embed: a hybrid search then ranks by its lexical side alone. */
    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        String text = parser.parse(request.query()).semanticText();
        if (!EmbeddableText.hasContent(text)) {
            return List.of();
        }
        return retrieve(embedder.embedQuery(text), request, Set.of());
    }

    /** Ranks by a given vector, skipping the ids in {@code exclude} (e.g. the paper whose neighbours these are). */
    public List<ScoredPaper> retrieve(float[] vector, SearchRequest request, Set<String> exclude) {
        ParsedQuery parsed = parser.parse(request.query());
        StringBuilder knn = new StringBuilder("{!knn f=vector topK=").append(request.limit()).append("}[");
        for (int i = 0; i < vector.length; i++) {
            knn.append(i == 0 ? "" : ",").append(vector[i]);
        }
        ObjectNode body = SolrQueries.object();
        body.put("query", knn.append(']').toString());
        ArrayNode filters = queries.filters(request, parsed);
        if (!exclude.isEmpty()) {
            ArrayNode not = SolrQueries.array();
            exclude.forEach(id -> not.add(SolrQueries.term("id", id)));
            filters.add(SolrQueries.bool(SolrQueries.array().add("*:*"), null, not));
        }
        body.set("filter", filters);
        body.put("limit", request.limit());
        body.put("fields", "id,score");
        body.put("sort", "score desc, id asc");
        return SolrBm25Retriever.results(index.query(body));
    }

    @Override
    public String tag() {
        return "solr:dense(model=" + embedder.modelId() + ")";
    }
}
