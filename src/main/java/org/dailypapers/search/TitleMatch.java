package org.dailypapers.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.QueryBuilder;

/**
 * The known-item bonus of {@link Bm25Retriever}: the title's BM25 score ({@link Bm25Retriever#TITLE_MATCH_WEIGHT}
 * times) added to the papers whose title holds {@link Bm25Retriever#TITLE_MATCH_SHARE} of the query's words.
 *
 * <p>When at most {@link Bm25Retriever#TITLE_MATCH_ALL_UP_TO} papers' titles match, in the whole index (a whole
 * title, a rare name), each that passes the rest of the query gets the bonus wherever it ranks. Their final
 * scores are computed first, and the k-th best of them is a score the k-th result reaches at least; the pass over
 * the rest of the query starts from that bound and skips what cannot reach it ({@link TopDocsAbove}). That is
 * exact, since a paper without a title match keeps its score, and it is why a whole title is quick at millions of
 * papers: its own paper sets a high bound at once.
 *
 * <p>When more titles match (a few common words), the bonus goes to the first
 * {@link Bm25Retriever#TITLE_MATCH_WINDOW} papers by the rest of the query instead: scoring every title that
 * holds "large language models" is what made the bonus four times slower as a clause of the query.
 * The rule depends on the query and the index, never on the limit or the filters, so the pages of one result
 * list agree. (A query near 1,000 matching titles may switch rules when a harvest brings one more.)
 */
final class TitleMatch {

    /**
     * The bound is lowered by this share: the search over the rest may add a paper's clause scores in another
     * order than {@link #withScores} did, which moves a float by an ulp or so (1e-7), far less than this.
     */
    private static final float BOUND_MARGIN = 1e-5f;

    private final Query title;

    private TitleMatch(Query title) {
        this.title = title;
    }

    /**
     * The title match of a query's free text; null when it has fewer than
     * {@link Bm25Retriever#TITLE_MATCH_MIN_WORDS} words.
     */
    static TitleMatch of(QueryBuilder builder, String text) {
        if (text.isBlank()) {
            return null;
        }
        Query q = builder.createMinShouldMatchQuery(IndexFields.TITLE, text, Bm25Retriever.TITLE_MATCH_SHARE);
        if (!(q instanceof BooleanQuery bq) || bq.clauses().size() < Bm25Retriever.TITLE_MATCH_MIN_WORDS) {
            return null;
        }
        return new TitleMatch(q);
    }

    /** The best {@code limit} papers by {@code query} (filters included) with the bonus added. */
    TopDocs top(IndexSearcher searcher, Query query, int limit) throws IOException {
        List<ScoreDoc> titles = matchingTitles(searcher);
        if (titles == null) {
            return windowed(searcher, query, limit);
        }
        List<ScoreDoc> matches = withScores(searcher, query, titles);
        matches.sort(TopDocsAbove.BEST_FIRST);
        float floor = matches.size() < limit ? 0f : matches.get(limit - 1).score * (1 - BOUND_MARGIN);
        TopDocs rest = searcher.search(query, new TopDocsAbove(limit, floor));
        Set<Integer> matched = new HashSet<>();
        matches.forEach(m -> matched.add(m.doc));
        List<ScoreDoc> all = new ArrayList<>(matches); // with their bonus
        for (ScoreDoc d : rest.scoreDocs) {
            if (!matched.contains(d.doc)) {
                all.add(d);
            }
        }
        all.sort(TopDocsAbove.BEST_FIRST);
        return new TopDocs(new TotalHits(all.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                all.subList(0, Math.min(limit, all.size())).toArray(new ScoreDoc[0]));
    }

    /**
     * The papers whose title matches, each with its weighted title score, in document order; null when there are
     * more than {@link Bm25Retriever#TITLE_MATCH_ALL_UP_TO}. The title alone: with the rest of the query as a
     * filter this took five times as long (whole titles at 2.8M papers, 1.50 against 0.27 ms), and
     * {@link #withScores} checks the rest anyway.
     */
    private List<ScoreDoc> matchingTitles(IndexSearcher searcher) throws IOException {
        List<ScoreDoc> found = new ArrayList<>();
        searcher.search(title, new Collector() {
            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                // thrown here or from collect, it ends one segment's search (IndexSearcher catches it per segment)
                if (found.size() > Bm25Retriever.TITLE_MATCH_ALL_UP_TO) {
                    throw new CollectionTerminatedException();
                }
                return new LeafCollector() {
                    private Scorable scorer;

                    @Override
                    public void setScorer(Scorable scorer) {
                        this.scorer = scorer;
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        found.add(new ScoreDoc(context.docBase + doc, Bm25Retriever.TITLE_MATCH_WEIGHT * scorer.score()));
                        if (found.size() > Bm25Retriever.TITLE_MATCH_ALL_UP_TO) {
                            throw new CollectionTerminatedException();
                        }
                    }
                };
            }
        });
        return found.size() > Bm25Retriever.TITLE_MATCH_ALL_UP_TO ? null : found;
    }

    /**
     * The titles that match {@code query} too (its filters, phrases and exclusions), each with its score by
     * {@code query} added; {@code titles} are in document order.
     */
    private static List<ScoreDoc> withScores(IndexSearcher searcher, Query query, List<ScoreDoc> titles) throws IOException {
        List<ScoreDoc> kept = new ArrayList<>(titles.size());
        if (titles.isEmpty()) {
            return kept;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        int next = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (next == titles.size() || titles.get(next).doc >= end) {
                continue;
            }
            Scorer scorer = weight.scorer(leaf); // null: nothing in this segment matches the query
            DocIdSetIterator it = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
            for (; next < titles.size() && titles.get(next).doc < end; next++) {
                ScoreDoc t = titles.get(next);
                int target = t.doc - leaf.docBase;
                int at = it.docID() < target ? it.advance(target) : it.docID();
                if (at == target) {
                    kept.add(new ScoreDoc(t.doc, t.score + scorer.score()));
                }
            }
        }
        return kept;
    }

    /** The first {@link Bm25Retriever#TITLE_MATCH_WINDOW} papers by {@code query} with the bonus, the rest as ranked. */
    private TopDocs windowed(IndexSearcher searcher, Query query, int limit) throws IOException {
        TopDocs ranked = searcher.search(query, Math.max(limit, Bm25Retriever.TITLE_MATCH_WINDOW));
        ScoreDoc[] all = ranked.scoreDocs;
        int head = Math.min(Bm25Retriever.TITLE_MATCH_WINDOW, all.length);
        ScoreDoc[] rescored = QueryRescorer.rescore(searcher, new TopDocs(ranked.totalHits, Arrays.copyOf(all, head)),
                title, Bm25Retriever.TITLE_MATCH_WEIGHT, head).scoreDocs;
        ScoreDoc[] out = Arrays.copyOf(rescored, Math.min(limit, all.length));
        if (out.length > head) { // a bonus only adds: every rescored paper still ranks above the window's next
            System.arraycopy(all, head, out, head, out.length - head);
        }
        return new TopDocs(ranked.totalHits, out);
    }
}
