package org.dailypapers.eval;

import java.util.Locale;

/**
 * Mean effectiveness of one run over the judged queries of a split.
 *
 * @param method the method's name (e.g. {@code hybrid})
 * @param tag the run tag stating every parameter
 * @param queries how many queries were averaged (every query with judgements counts, answered or not)
 * @param millisPerQuery mean wall time of one query, including query embedding
 */
public record EvalResult(
        String method, String tag, int queries, double ndcg10, double recall100, double mrr10, double millisPerQuery) {

    /** The one-line summary, e.g. {@code method=bm25 nDCG@10=0.6789 Recall@100=0.9253 MRR@10=0.6421}. */
    public String summary() {
        return String.format(Locale.ROOT, "method=%s nDCG@10=%.4f Recall@100=%.4f MRR@10=%.4f", method, ndcg10,
                recall100, mrr10);
    }
}
