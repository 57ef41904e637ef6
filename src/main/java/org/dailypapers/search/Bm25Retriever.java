package org.dailypapers.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.Rescorer;
import org.apache.lucene.search.ScoreDoc;
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
     * Known-item bonus: a paper whose title holds at least this share of the query's words (three at least) gets
     * a BM25 score on the title added. A title typed from memory then finds its paper first, while a long
     * description (a SciFact claim) rarely covers that much of any title (docs/EVAL.md, "Known-item search").
     */
    public static final float TITLE_MATCH_SHARE = 0.7f;
    public static final int TITLE_MATCH_MIN_WORDS = 3;
    public static final float TITLE_MATCH_WEIGHT = 1.0f;
    /**
     * The bonus is added to this many of the best papers by the rest of the query, not to every paper:
     * as a clause of the query it matched every title holding most of a few common words, hundreds of thousands
     * at 2.8 million papers, and made BM25 four times slower there (docs/PERFORMANCE.md, "Sixth session"). A
     * title's own paper usually ranks inside this window, since its title is part of its contents; a generic
     * prefix of common words may not (two of 1,000 known-item queries, docs/EVAL.md).
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
        return run(scoring, titleMatch(parsed.text()), request, parsed);
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
                + Bm25Params.num(TITLE_MATCH_WEIGHT) + ",window=" + TITLE_MATCH_WINDOW + ")";
    }

    /**
     * Free text over the weighted fields plus required clauses; null when nothing is left to match. The title
     * match is not part of it: it changes scores, never which papers match ({@link #titleMatch}).
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

    /**
     * The known-item bonus for free text: a rescorer adding the title's BM25 score to papers whose title holds
     * {@link #TITLE_MATCH_SHARE} of the text's words; null when the text has fewer than
     * {@link #TITLE_MATCH_MIN_WORDS} words. A title matches only where the contents (title included) match too.
     */
    private Rescorer titleMatch(String text) {
        if (text.isBlank()) {
            return null;
        }
        Query q = builder.createMinShouldMatchQuery(IndexFields.TITLE, text, TITLE_MATCH_SHARE);
        if (!(q instanceof BooleanQuery bq) || bq.clauses().size() < TITLE_MATCH_MIN_WORDS) {
            return null;
        }
        return new QueryRescorer(q) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? firstPassScore + TITLE_MATCH_WEIGHT * secondPassScore : firstPassScore;
            }
        };
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

    /** The top papers by {@code scoring} under the request's filters, {@code rescorer} (may be null) applied. */
    private List<ScoredPaper> run(Query scoring, Rescorer rescorer, SearchRequest request, ParsedQuery parsed) {
        Query filter = QueryFilters.of(request, parsed);
        Query query = filter == null ? scoring
                : new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
        return index.withSearcher(shared -> {
            IndexSearcher s = new IndexSearcher(shared.getIndexReader());
            s.setSimilarity(similarity);
            if (rescorer == null) {
                return toResults(s, s.search(query, request.limit()));
            }
            TopDocs ranked = s.search(query, Math.max(request.limit(), TITLE_MATCH_WINDOW));
            return toResults(s, rescoreHead(s, ranked, rescorer, request.limit()));
        });
    }

    /**
     * {@code ranked} with its first {@link #TITLE_MATCH_WINDOW} rescored and the rest as they are, cut to
     * {@code limit}. The window is the same at every limit, so the pages of a result list agree: a bonus only
     * adds, so every rescored paper still scores at least as well as the first one after the window.
     */
    private static TopDocs rescoreHead(IndexSearcher s, TopDocs ranked, Rescorer rescorer, int limit) throws IOException {
        ScoreDoc[] all = ranked.scoreDocs;
        int head = Math.min(TITLE_MATCH_WINDOW, all.length);
        ScoreDoc[] rescored = rescorer.rescore(s, new TopDocs(ranked.totalHits, Arrays.copyOf(all, head)), head).scoreDocs;
        ScoreDoc[] out = Arrays.copyOf(rescored, Math.min(limit, all.length));
        if (out.length > head) {
            System.arraycopy(all, head, out, head, out.length - head);
        }
        return new TopDocs(ranked.totalHits, out);
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
