package org.dailypapers.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The best {@code k} hits among those scoring at least {@code floor}, a bound known before the search starts
 * (the k-th best score of candidates already scored, {@link TitleMatch}). The scorer learns the bound before the
 * first document, so from the start it skips the papers and blocks that cannot reach it; Lucene's own collector
 * starts from zero and raises its bound only as hits arrive. Ties go to the lower document number, as in Lucene.
 * The total is not counted: it reports the hits kept, as a lower bound.
 */
final class TopDocsAbove implements CollectorManager<TopDocsAbove.Best, TopDocs> {

    static final Comparator<ScoreDoc> BEST_FIRST = (a, b) ->
            a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc);

    private final int k;
    private final float floor;

    TopDocsAbove(int k, float floor) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        this.k = k;
        this.floor = floor;
    }

    @Override
    public Best newCollector() {
        return new Best();
    }

    @Override
    public TopDocs reduce(Collection<Best> collectors) {
        List<ScoreDoc> all = new ArrayList<>();
        collectors.forEach(c -> all.addAll(c.worstFirst));
        all.sort(BEST_FIRST);
        List<ScoreDoc> top = all.subList(0, Math.min(k, all.size()));
        return new TopDocs(new TotalHits(top.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                top.toArray(new ScoreDoc[0]));
    }

    /** The hits of one slice of the index, the worst on top. */
    final class Best implements Collector {
        private final PriorityQueue<ScoreDoc> worstFirst = new PriorityQueue<>(BEST_FIRST.reversed());

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int docBase = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    raiseBound();
                }

                @Override
                public void collect(int doc) throws IOException {
                    float score = scorer.score();
                    if (score < floor) {
                        return;
                    }
                    if (worstFirst.size() < k) {
                        worstFirst.add(new ScoreDoc(docBase + doc, score));
                        if (worstFirst.size() == k) {
                            raiseBound();
                        }
                    } else if (score > worstFirst.peek().score) { // documents come in order: an equal score loses
                        worstFirst.poll();
                        worstFirst.add(new ScoreDoc(docBase + doc, score));
                        raiseBound();
                    }
                }

                private void raiseBound() throws IOException {
                    float bound = worstFirst.size() < k ? floor : Math.max(floor, Math.nextUp(worstFirst.peek().score));
                    scorer.setMinCompetitiveScore(bound);
                }
            };
        }
    }
}
