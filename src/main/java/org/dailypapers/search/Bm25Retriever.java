package org.dailypapers.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.QueryBuilder;

/**
 * BM25 over the paper index (Robertson and Zaragoza, 2009; Lucene's variant without the (k1+1) factor).
 * Free text is a disjunction of its analysed terms, phrases and fielded clauses are required, filters
 * restrict. An empty query returns the filtered papers newest first; a query whose words are all stop words
 * or punctuation returns nothing. Thread-safe.
 */
public final class Bm25Retriever implements Retriever {

    private final PaperIndex index;
    private final Bm25Params params;
    private final BM25Similarity similarity;
    private final QueryBuilder builder;
    private final UserQueryParser parser = new UserQueryParser();
    /**
     * Known-item bonus ({@link TitleMatch}): a paper whose title holds at least this share of the query's words
     * (three at least) gets a BM25 score on the title added. A title typed from memory then finds its paper first,
     * while a long description (a SciFact claim) rarely covers that much of any title (docs/EVAL.md, "Known-item
     * search").
     */
    public static final float TITLE_MATCH_SHARE = 0.7f;
    public static final int TITLE_MATCH_MIN_WORDS = 3;
    public static final float TITLE_MATCH_WEIGHT = 1.0f;
    /** Up to this many matching titles in the index, each gets the bonus wherever it ranks by the rest of the query. */
    public static final int TITLE_MATCH_ALL_UP_TO = 1000;
    /**
     * Beyond {@link #TITLE_MATCH_ALL_UP_TO} matching titles (a few common words), the bonus goes only to this many of the
     * best papers by the rest of the query: scoring every title that holds most of a few common words, hundreds of
     * thousands at 2.8 million papers, made BM25 four times slower there (docs/PERFORMANCE.md, "Sixth session").
     */
    public static final int TITLE_MATCH_WINDOW = 100;

    public Bm25Retriever(PaperIndex index, Bm25Params params) {
        this.index = index;
        this.params = params;
        this.similarity = new BM25Similarity((float) params.k1(), (float) params.b());
        this.builder = new QueryBuilder(index.analyzer());
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        ParsedQuery parsed = parser.parse(request.query());
        if (parsed.isEmpty()) {
            return newest(request, parsed);
        }
        Query scoring = scoringQuery(parsed);
        if (scoring == null) {
            return List.of();
        }
        return run(scoring, TitleMatch.of(builder, parsed.text()), request, parsed);
    }

    /**
     * How many papers {@link #retrieve} could return for this request at any limit: those that share a word
     * with the free text and satisfy the clauses and filters (every filtered paper for an empty query).
     */
    public int count(SearchRequest request) {
        ParsedQuery parsed = parser.parse(request.query());
        Query filter = QueryFilters.of(request, parsed);
        Query query;
        if (parsed.isEmpty()) {
            query = filter == null ? new MatchAllDocsQuery() : filter;
        } else {
            Query scoring = scoringQuery(parsed);
            if (scoring == null) {
                return 0;
            }
            query = filter == null ? scoring
                    : new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
        }
        return index.withSearcher(s -> s.count(query));
    }

    /**
     * Ranks by a weighted bag of already-analysed contents terms (an expanded query from pseudo-relevance
     * feedback), under the filters and required clauses of {@code request}.
     */
    public List<ScoredPaper> retrieveWeighted(Map<String, Float> contentsTerms, SearchRequest request) {
        ParsedQuery parsed = parser.parse(request.query());
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        contentsTerms.forEach((t, w) -> terms.add(
                new BoostQuery(new TermQuery(new Term(IndexFields.CONTENTS, t)), w), Occur.SHOULD));
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(terms.build(), Occur.MUST);
        addRequired(b, parsed.withoutText());
        return run(b.build(), null, request, parsed);
    }

    /**
     * The papers that match {@code request}'s query lexically with every one of its free-text terms (after
     * analysis: stemmed, stop words dropped), in the contents (title, abstract, keywords) or all in the
     * authors, and its phrases and fielded clauses as {@link #retrieve} requires them; BM25-ranked, under the
     * request's filters and limit. A query without any term that can match returns nothing: this is a
     * relevance rule (see {@link LexicalRelevance}), not a listing.
     */
    public List<ScoredPaper> retrieveMatchingAll(SearchRequest request) {
        ParsedQuery parsed = parser.parse(request.query());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (!parsed.text().isBlank()) {
            BooleanQuery.Builder text = new BooleanQuery.Builder();
            boolean anyText = add(text, builder.createBooleanQuery(IndexFields.CONTENTS, parsed.text(), Occur.MUST), Occur.SHOULD);
            anyText |= add(text, builder.createBooleanQuery(IndexFields.AUTHORS, parsed.text(), Occur.MUST), Occur.SHOULD);
            if (!anyText) {
                return List.of();
            }
            b.add(text.build(), Occur.MUST);
            any = true;
        }
        any |= addRequired(b, parsed);
        return any ? run(b.build(), null, request, parsed) : List.of();
    }

    /** Analyses text as the contents field is analysed (for feedback term statistics). */
    public List<String> analyzeContents(String text) {
        return index.analyzeTerms(IndexFields.CONTENTS, text);
    }

    @Override
    public String tag() {
        return params.tag() + "+titleMatch(share=" + Bm25Params.num(TITLE_MATCH_SHARE) + ",w="
                + Bm25Params.num(TITLE_MATCH_WEIGHT) + ",all=" + TITLE_MATCH_ALL_UP_TO + ",window=" + TITLE_MATCH_WINDOW + ")";
    }

    /**
     * Free text over the weighted fields plus required clauses; null when nothing is left to match. The title
     * match is not part of it: it changes scores, never which papers match ({@link TitleMatch}).
     */
    private Query scoringQuery(ParsedQuery parsed) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (!parsed.text().isBlank()) {
            BooleanQuery.Builder text = new BooleanQuery.Builder();
            boolean anyText = false;
            anyText |= addField(text, IndexFields.CONTENTS, parsed.text(), 1.0);
            anyText |= addField(text, IndexFields.TITLE, parsed.text(), params.titleWeight());
            anyText |= addField(text, IndexFields.AUTHORS, parsed.text(), params.authorsWeight());
            if (anyText) {
                b.add(text.build(), Occur.MUST);
                any = true;
            }
        }
        any |= addRequired(b, parsed);
        return any ? b.build() : null;
    }

    private boolean addField(BooleanQuery.Builder b, String field, String text, double weight) {
        if (weight <= 0) {
            return false;
        }
        Query q = builder.createBooleanQuery(field, text, Occur.SHOULD);
        if (q == null) {
            return false;
        }
        b.add(weight == 1.0 ? q : new BoostQuery(q, (float) weight), Occur.SHOULD);
        return true;
    }

    /** Phrases, titles and authors must match (and score); exclusions must not. True if one scores. */
    private boolean addRequired(BooleanQuery.Builder b, ParsedQuery parsed) {
        boolean any = false;
        for (String p : parsed.phrases()) {
            any |= add(b, builder.createPhraseQuery(IndexFields.CONTENTS, p), Occur.MUST);
        }
        for (String t : parsed.titles()) {
            any |= add(b, builder.createBooleanQuery(IndexFields.TITLE, t, Occur.MUST), Occur.MUST);
        }
        for (String a : parsed.authors()) {
            any |= add(b, builder.createPhraseQuery(IndexFields.AUTHORS, a), Occur.MUST);
        }
        for (String e : parsed.excluded()) {
            add(b, builder.createPhraseQuery(IndexFields.CONTENTS, e), Occur.MUST_NOT);
        }
        if (!any && (!parsed.organizations().isEmpty() || !parsed.categories().isEmpty())) {
            b.add(new MatchAllDocsQuery(), Occur.MUST); // filters alone: every paper scores the same
            any = true;
        }
        return any;
    }

    private static boolean add(BooleanQuery.Builder b, Query q, Occur occur) {
        if (q == null) {
            return false;
        }
        b.add(q, occur);
        return true;
    }

    /** The top papers by {@code scoring} under the request's filters, with the title match (may be null). */
    private List<ScoredPaper> run(Query scoring, TitleMatch titleMatch, SearchRequest request, ParsedQuery parsed) {
        Query filter = QueryFilters.of(request, parsed);
        Query query = filter == null ? scoring
                : new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
        return index.withSearcher(shared -> {
            IndexSearcher s = new IndexSearcher(shared.getIndexReader());
            s.setSimilarity(similarity);
            return toResults(s, titleMatch == null ? s.search(query, request.limit()) : titleMatch.top(s, query, request.limit()));
        });
    }

    private List<ScoredPaper> newest(SearchRequest request, ParsedQuery parsed) {
        Query filter = QueryFilters.of(request, parsed);
        Query query = filter == null ? new MatchAllDocsQuery() : filter;
        Sort byDay = new Sort(new SortField(IndexFields.DAY, SortField.Type.LONG, true));
        return index.withSearcher(s -> toResults(s, s.search(query, request.limit(), byDay)));
    }

    private static List<ScoredPaper> toResults(IndexSearcher s, TopDocs top) throws IOException {
        return ResultIds.of(s.getIndexReader(), top);
    }
}
