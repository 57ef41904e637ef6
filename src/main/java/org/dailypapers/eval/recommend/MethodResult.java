package org.dailypapers.eval.recommend;

import java.util.Arrays;
import java.util.Locale;

/**
 * One method's scores on one split, person by person (in the split's order of people).
 *
 * @param method the short name printed first ({@code for-you}, {@code asl-svm}, ...)
 * @param tag the method with its parameters
 */
public record MethodResult(String method, String tag, double[] ndcg, double[] recall, double[] mrr) {

    public static final int NDCG_K = 20, RECALL_K = 50;

    public int people() {
        return ndcg.length;
    }

    public double meanNdcg() {
        return Arrays.stream(ndcg).average().orElse(0);
    }

    /** {@code METHOD nDCG@20=0.1234 Recall@50=0.2345 MRR=0.3456 people=N}. */
    public String line() {
        return String.format(Locale.ROOT, "%s nDCG@%d=%.4f Recall@%d=%.4f MRR=%.4f people=%d", method, NDCG_K,
                meanNdcg(), RECALL_K, Arrays.stream(recall).average().orElse(0),
                Arrays.stream(mrr).average().orElse(0), people());
    }
}
