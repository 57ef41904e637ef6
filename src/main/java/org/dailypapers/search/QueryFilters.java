package org.dailypapers.search;

import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** The non-scoring restrictions of a request and its parsed query, shared by lexical and dense search. */
final class QueryFilters {

    private QueryFilters() {}

    /** The filter, or null when nothing restricts. */
    static Query of(SearchRequest request, ParsedQuery parsed) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
            b.add(LongPoint.newRangeQuery(IndexFields.DAY, from, to), Occur.FILTER);
            any = true;
        }
        if (request.organization() != null) {
            b.add(new TermQuery(new Term(IndexFields.ORG, request.organization())), Occur.FILTER);
            any = true;
        }
        if (request.category() != null) {
            b.add(new TermQuery(new Term(IndexFields.CATEGORY, request.category())), Occur.FILTER);
            any = true;
        }
        if (request.hasCode() != null) {
            b.add(new TermQuery(new Term(IndexFields.HAS_CODE, request.hasCode() ? "1" : "0")), Occur.FILTER);
            any = true;
        }
        any |= anyOf(b, IndexFields.ORG, parsed.organizations());
        any |= anyOf(b, IndexFields.CATEGORY, parsed.categories());
        return any ? b.build() : null;
    }

    private static boolean anyOf(BooleanQuery.Builder b, String field, List<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        values.forEach(v -> or.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        b.add(or.build(), Occur.FILTER);
        return true;
    }
}
