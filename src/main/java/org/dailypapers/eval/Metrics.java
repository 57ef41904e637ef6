package org.dailypapers.eval;

import java.util.List;
import java.util.Map;

/**
 * Per-query effectiveness measures, as trec_eval computes them. Every method takes the ranked document ids
 * (best first) and the query's judgements (id to grade; grade &lt;= 0 is not relevant); a query without relevant
 * documents scores 0.
 */
public final class Metrics {

    private Metrics() {}

    /**
     * nDCG@k with graded gains: DCG = sum over ranks r = 1..k of grade / log2(r + 1), divided by the DCG of the
     * judgements sorted by grade (trec_eval's {@code ndcg_cut}, linear gain, as BEIR reports).
     */
    public static double ndcg(List<String> ranking, Map<String, Integer> judged, int k) {
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranking.size()); r++) {
            int g = judged.getOrDefault(ranking.get(r), 0);
            if (g > 0) {
                dcg += g / log2(r + 2);
            }
        }
        List<Integer> ideal = judged.values().stream().filter(g -> g > 0)
                .sorted(java.util.Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int r = 0; r < Math.min(k, ideal.size()); r++) {
            idcg += ideal.get(r) / log2(r + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Fraction of the relevant documents found in the top k. */
    public static double recall(List<String> ranking, Map<String, Integer> judged, int k) {
        long relevant = judged.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream().limit(k).filter(id -> judged.getOrDefault(id, 0) > 0).count();
        return found / (double) relevant;
    }

    /** Reciprocal rank of the first relevant document within the top k, else 0. */
    public static double reciprocalRank(List<String> ranking, Map<String, Integer> judged, int k) {
        for (int r = 0; r < Math.min(k, ranking.size()); r++) {
            if (judged.getOrDefault(ranking.get(r), 0) > 0) {
                return 1.0 / (r + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
