package org.dailypapers.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses a lexical and a dense ranking (see {@link FusionParams}). Both sides run to {@code depth}; a paper
 * found by one side only still ranks (in RRF it gets nothing from the other side; in a normalised sum it gets
 * that side's minimum). Ties break by id so that rankings are reproducible. Thread-safe.
 */
public final class HybridRetriever implements Retriever {

    private final Retriever lexical;
    private final Retriever dense;
    private final FusionParams params;

    public HybridRetriever(Retriever lexical, Retriever dense, FusionParams params) {
        this.lexical = lexical;
        this.dense = dense;
        this.params = params;
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        SearchRequest deep = request.withLimit(Math.max(params.depth(), request.limit()));
        return fuse(lexical.retrieve(deep), dense.retrieve(deep), request.limit());
    }

    /** Fuses two rankings (best first) and keeps the top {@code limit}. */
    public List<ScoredPaper> fuse(List<ScoredPaper> lex, List<ScoredPaper> den, int limit) {
        Map<String, Double> fused = new HashMap<>();
        switch (params.method()) {
            case RRF -> {
                addRrf(fused, lex);
                addRrf(fused, den);
            }
            case MINMAX, ZSCORE -> {
                addNormalised(fused, lex, 1 - params.denseWeight(), den);
                addNormalised(fused, den, params.denseWeight(), lex);
            }
        }
        List<ScoredPaper> out = new ArrayList<>(fused.size());
        fused.forEach((id, s) -> out.add(new ScoredPaper(id, s)));
        out.sort(Comparator.comparingDouble(ScoredPaper::score).reversed().thenComparing(ScoredPaper::id));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private void addRrf(Map<String, Double> fused, List<ScoredPaper> ranking) {
        for (int r = 0; r < Math.min(params.depth(), ranking.size()); r++) {
            fused.merge(ranking.get(r).id(), 1.0 / (params.rrfK() + r + 1), Double::sum);
        }
    }

    /** Adds weight * normalised score of {@code ranking}; papers only in {@code other} get its floor. */
    private void addNormalised(Map<String, Double> fused, List<ScoredPaper> ranking, double weight,
            List<ScoredPaper> other) {
        List<ScoredPaper> top = ranking.subList(0, Math.min(params.depth(), ranking.size()));
        if (top.isEmpty()) {
            other.stream().limit(params.depth()).forEach(p -> fused.merge(p.id(), 0.0, Double::sum));
            return;
        }
        double[] norm = normalise(top);
        double floor = Double.MAX_VALUE;
        Map<String, Double> mine = new HashMap<>();
        for (int i = 0; i < top.size(); i++) {
            mine.put(top.get(i).id(), norm[i]);
            floor = Math.min(floor, norm[i]);
        }
        mine.forEach((id, s) -> fused.merge(id, weight * s, Double::sum));
        for (ScoredPaper p : other.subList(0, Math.min(params.depth(), other.size()))) {
            if (!mine.containsKey(p.id())) {
                fused.merge(p.id(), weight * floor, Double::sum);
            }
        }
    }

    private double[] normalise(List<ScoredPaper> top) {
        double[] s = top.stream().mapToDouble(ScoredPaper::score).toArray();
        if (params.method() == FusionParams.Method.MINMAX) {
            double min = java.util.Arrays.stream(s).min().orElse(0), max = java.util.Arrays.stream(s).max().orElse(0);
            double range = max - min;
            for (int i = 0; i < s.length; i++) s[i] = range == 0 ? 1.0 : (s[i] - min) / range;
        } else {
            double mean = java.util.Arrays.stream(s).average().orElse(0);
            double var = java.util.Arrays.stream(s).map(x -> (x - mean) * (x - mean)).average().orElse(0);
            double sd = Math.sqrt(var);
            for (int i = 0; i < s.length; i++) s[i] = sd == 0 ? 0.0 : (s[i] - mean) / sd;
        }
        return s;
    }

    @Override
    public String tag() {
        return "hybrid[" + lexical.tag() + "|" + dense.tag() + "]+" + params.tag();
    }
}
