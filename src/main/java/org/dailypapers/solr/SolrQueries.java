package org.dailypapers.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.dailypapers.search.Bm25Params;
import org.dailypapers.search.Bm25Retriever;
import org.dailypapers.search.ParsedQuery;
import org.dailypapers.search.PaperAnalyzer;
import org.dailypapers.search.SearchRequest;

/**
 * Translates a parsed query into Solr's JSON Query DSL so that Solr scores exactly what the embedded
 * {@code Bm25Retriever} scores: the same clauses, weights and filters (see its {@code scoringQuery},
 * {@code addRequired} and {@code QueryFilters}). Free text is analysed here, by the embedded index's own
 * analyzer, and sent as term queries that Solr does not analyse again (Porter stemming is not idempotent);
 * phrases go through Solr's analysis of the field, which schema.xml makes the same. Stateless.
 */
final class SolrQueries {

    private final Analyzer analyzer = PaperAnalyzer.create();

    /** The BM25 query of a non-empty parsed query, or null when nothing in it can match (all stop words). */
    JsonNode scoring(ParsedQuery parsed, Bm25Params params) {
        ArrayNode must = array();
        if (!parsed.text().isBlank()) {
            ArrayNode text = array();
            addField(text, "contents", parsed.text(), 1.0);
            addField(text, "title", parsed.text(), params.titleWeight());
            addField(text, "authors", parsed.text(), params.authorsWeight());
            if (!text.isEmpty()) {
                List<String> title = terms("title", parsed.text());
                if (title.size() >= Bm25Retriever.TITLE_MATCH_MIN_WORDS) { // TitleMatch, here as a clause (every matching title, no window)
                    ObjectNode match = bool(null, terms("title", title), null);
                    ((ObjectNode) match.get("bool")).put("mm", Integer.toString((int) (Bm25Retriever.TITLE_MATCH_SHARE * title.size())));
                    text.add(boost(match, Bm25Retriever.TITLE_MATCH_WEIGHT));
                }
                must.add(bool(null, text, null));
            }
        }
        ArrayNode mustNot = array();
        boolean any = addRequired(must, mustNot, parsed) || !must.isEmpty();
        return any ? bool(must, null, mustNot) : null;
    }

    /** Phrases, titles and authors must match (and score); exclusions must not. True if one scores. */
    private boolean addRequired(ArrayNode must, ArrayNode mustNot, ParsedQuery parsed) {
        boolean any = false;
        for (String p : parsed.phrases()) {
            any |= addPhrase(must, "contents", p);
        }
        for (String t : parsed.titles()) {
            List<String> terms = terms("title", t);
            if (!terms.isEmpty()) {
                must.add(bool(terms("title", terms), null, null));
                any = true;
            }
        }
        for (String a : parsed.authors()) {
            any |= addPhrase(must, "authors", a);
        }
        for (String e : parsed.excluded()) {
            addPhrase(mustNot, "contents", e);
        }
        if (!any && (!parsed.organizations().isEmpty() || !parsed.categories().isEmpty())) {
            must.add("*:*"); // filters alone: every paper scores the same
            any = true;
        }
        return any;
    }

    /** The filters of a request and its parsed query (QueryFilters.of); empty when nothing restricts. */
    ArrayNode filters(SearchRequest request, ParsedQuery parsed) {
        ArrayNode f = array();
        if (request.from() != null || request.to() != null) {
            f.add("day:[" + (request.from() == null ? "*" : request.from().toEpochDay()) + " TO "
                    + (request.to() == null ? "*" : request.to().toEpochDay()) + "]");
        }
        if (request.organization() != null) {
            f.add(term("org", request.organization()));
        }
        if (request.category() != null) {
            f.add(term("category", request.category()));
        }
        if (request.hasCode() != null) {
            f.add(term("has_code", request.hasCode() ? "1" : "0"));
        }
        if (!parsed.organizations().isEmpty()) {
            f.add(bool(null, terms("org", parsed.organizations()), null));
        }
        if (!parsed.categories().isEmpty()) {
            f.add(bool(null, terms("category", parsed.categories()), null));
        }
        return f;
    }

    private void addField(ArrayNode should, String field, String text, double weight) {
        if (weight <= 0) {
            return;
        }
        List<String> terms = terms(field, text);
        if (terms.isEmpty()) {
            return;
        }
        JsonNode q = terms.size() == 1 ? term(field, terms.get(0)) : bool(null, terms(field, terms), null);
        should.add(weight == 1.0 ? q : boost(q, weight));
    }

    /** A phrase analysed by Solr with the field's analyzer (the same chain); skipped when it has no term. */
    private boolean addPhrase(ArrayNode clauses, String field, String phrase) {
        if (terms(field, phrase).isEmpty()) {
            return false;
        }
        ObjectNode q = object();
        q.putObject("field").put("f", field).put("query", phrase);
        clauses.add(q);
        return true;
    }

    private List<String> terms(String field, String text) {
        return PaperAnalyzer.terms(analyzer, field, text);
    }

    static ObjectNode term(String field, String value) {
        ObjectNode q = object();
        q.putObject("term").put("f", field).put("query", value);
        return q;
    }

    private static ArrayNode terms(String field, List<String> values) {
        ArrayNode a = array();
        values.forEach(v -> a.add(term(field, v)));
        return a;
    }

    static ObjectNode bool(ArrayNode must, ArrayNode should, ArrayNode mustNot) {
        ObjectNode q = object();
        ObjectNode b = q.putObject("bool");
        if (must != null && !must.isEmpty()) {
            b.set("must", must);
        }
        if (should != null && !should.isEmpty()) {
            b.set("should", should);
        }
        if (mustNot != null && !mustNot.isEmpty()) {
            b.set("must_not", mustNot);
        }
        return q;
    }

    /** Multiplies the scores of a query by a constant weight, as Lucene's BoostQuery does. */
    private static ObjectNode boost(JsonNode query, double weight) {
        ObjectNode q = object();
        q.putObject("boost").put("b", Double.toString(weight)).set("query", query);
        return q;
    }

    static ArrayNode array() {
        return SolrHttp.json().createArrayNode();
    }

    static ObjectNode object() {
        return SolrHttp.json().createObjectNode();
    }
}
