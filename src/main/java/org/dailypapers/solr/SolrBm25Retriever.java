package org.dailypapers.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.search.Bm25Params;
import org.dailypapers.search.ParsedQuery;
import org.dailypapers.search.Retriever;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.UserQueryParser;

/**
 * BM25 candidates from Solr: the embedded {@code Bm25Retriever}'s query (see {@link SolrQueries}), scored by the
 * collection's BM25 with collection-wide statistics (ExactStatsCache in solrconfig.xml), so the scores equal the
 * embedded index's on the same papers. An empty query returns the filtered papers newest first. Thread-safe.
 */
public final class SolrBm25Retriever implements Retriever {

    private final SolrPaperIndex index;
    private final Bm25Params params;
    private final SolrQueries queries = new SolrQueries();
    private final UserQueryParser parser = new UserQueryParser();

    /**
     * @throws IllegalArgumentException when k1 or b differ from the schema's (schema.xml fixes them for the
     *     collection; the field weights are free)
     */
    public SolrBm25Retriever(SolrPaperIndex index, Bm25Params params) {
        if (params.k1() != Bm25Params.DEFAULT.k1() || params.b() != Bm25Params.DEFAULT.b()) {
            throw new IllegalArgumentException("the Solr collection's BM25 has k1=" + Bm25Params.DEFAULT.k1() + ", b="
                    + Bm25Params.DEFAULT.b() + " (schema.xml); other values need another configset");
        }
        this.index = index;
        this.params = params;
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        ParsedQuery parsed = parser.parse(request.query());
        ObjectNode body = SolrQueries.object();
        if (parsed.isEmpty()) {
            body.put("query", "*:*");
            body.put("sort", "day desc, id desc");
        } else {
            JsonNode scoring = queries.scoring(parsed, params);
            if (scoring == null) {
                return List.of();
            }
            body.set("query", scoring);
            body.put("sort", "score desc, id asc");
        }
        return run(body, request, parsed);
    }

    private List<ScoredPaper> run(ObjectNode body, SearchRequest request, ParsedQuery parsed) {
        body.set("filter", queries.filters(request, parsed));
        body.put("limit", request.limit());
        body.put("fields", "id,score");
        return results(index.query(body));
    }

    static List<ScoredPaper> results(JsonNode response) {
        List<ScoredPaper> out = new ArrayList<>();
        for (JsonNode d : response.path("response").path("docs")) {
            out.add(new ScoredPaper(d.path("id").asText(), d.path("score").asDouble()));
        }
        return out;
    }

    @Override
    public String tag() {
        return "solr:" + params.tag() + "+titleMatch";
    }
}
