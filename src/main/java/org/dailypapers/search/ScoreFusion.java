package org.dailypapers.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weighted fusion of rankings on a common scale (see {@link FusionParams}): each ranking is cut at the
 * depth, its scores are normalised per query (z-score, min-max, or RRF's {@code 2 / (k + rank)}), and a
 * paper's fused score is the weighted sum over rankings, a ranking that did not return it contributing its
 * floor (its minimum normalised score; 0 in RRF). Ties break by id, so results are reproducible. Used by
 * {@link HybridRetriever} for its two sides and by the evaluation harness to fuse run files of any number of
 * retrievers. Stateless.
 */
public final class ScoreFusion {

    private ScoreFusion() {}

    /**
     * Fuses rankings (each best first) with one weight per ranking and keeps the top {@code limit}; the
     * fusion's own {@link FusionParams#denseWeight()} is not used here.
     */
    public static List<ScoredPaper> fuse(List<List<ScoredPaper>> rankings, List<Double> weights, FusionParams params,
            int limit) {
        if (rankings.size() != weights.size()) {
            throw new IllegalArgumentException(rankings.size() + " rankings but " + weights.size() + " weights");
        }
        List<Map<String, Double>> normalised = rankings.stream().map(r -> normalise(top(r, params), params)).toList();
        Set<String> all = new LinkedHashSet<>();
        normalised.forEach(n -> all.addAll(n.keySet()));
        Map<String, Double> fused = new HashMap<>();
        for (int i = 0; i < normalised.size(); i++) {
            Map<String, Double> n = normalised.get(i);
            double floor = floor(n, params);
            double w = weights.get(i);
            for (String id : all) {
                fused.merge(id, w * n.getOrDefault(id, floor), Double::sum);
            }
        }
        return sorted(fused, limit);
    }

    /** The first {@code depth} results of a ranking. */
    static List<ScoredPaper> top(List<ScoredPaper> ranking, FusionParams params) {
        return ranking.size() > params.depth() ? ranking.subList(0, params.depth()) : ranking;
    }

    /** Per-paper score on the fusion's common scale (RRF: 2/(k + rank), so that two weights of 0.5 give RRF). */
    static Map<String, Double> normalise(List<ScoredPaper> ranking, FusionParams params) {
        Map<String, Double> out = new HashMap<>();
        double[] s = ranking.stream().mapToDouble(ScoredPaper::score).toArray();
        switch (params.method()) {
            case RRF -> {
                for (int r = 0; r < s.length; r++) s[r] = 2.0 / (params.rrfK() + r + 1);
            }
            case MINMAX -> {
                double min = Arrays.stream(s).min().orElse(0), max = Arrays.stream(s).max().orElse(0);
                for (int i = 0; i < s.length; i++) s[i] = max == min ? 1.0 : (s[i] - min) / (max - min);
            }
            case ZSCORE -> {
                double mean = Arrays.stream(s).average().orElse(0);
                double sd = Math.sqrt(Arrays.stream(s).map(x -> (x - mean) * (x - mean)).average().orElse(0));
                for (int i = 0; i < s.length; i++) s[i] = sd == 0 ? 0.0 : (s[i] - mean) / sd;
            }
        }
        for (int i = 0; i < s.length; i++) out.put(ranking.get(i).id(), s[i]);
        return out;
    }

    /** What a paper missing from a ranking gets: 0 in RRF, else the ranking's minimum normalised score. */
    static double floor(Map<String, Double> scores, FusionParams params) {
        if (params.method() == FusionParams.Method.RRF || scores.isEmpty()) {
            return 0.0;
        }
        return scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0.0);
    }

    /** Best first, ties by id, at most {@code limit}. */
    static List<ScoredPaper> sorted(Map<String, Double> fused, int limit) {
        return fused.entrySet().stream()
                .map(e -> new ScoredPaper(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(ScoredPaper::score).reversed().thenComparing(ScoredPaper::id))
                .limit(limit)
                .toList();
    }
}
