package org.dailypapers.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dailypapers.search.FusionParams;
import org.dailypapers.search.ScoreFusion;
import org.dailypapers.search.ScoredPaper;

/**
 * Fuses the run files of any number of retrievers per query with {@link ScoreFusion}, the product's own
 * fusion, so that combinations the product does not run (e.g. BM25 with two dense models) can be measured
 * from {@code eval --run-file} outputs without a pipeline for each.
 */
public final class RunFusion {

    private RunFusion() {}

    /**
     * @param weights one per run, in order
     * @param limit results kept per query
     */
    public static Run fuse(List<Run> runs, List<Double> weights, FusionParams params, int limit) {
        if (runs.isEmpty() || runs.size() != weights.size()) {
            throw new IllegalArgumentException("need one weight per run: " + runs.size() + " runs, " + weights.size()
                    + " weights");
        }
        Set<String> queries = new LinkedHashSet<>();
        runs.forEach(r -> queries.addAll(r.results().keySet()));
        Map<String, List<ScoredPaper>> fused = new LinkedHashMap<>();
        for (String q : queries) {
            List<List<ScoredPaper>> rankings = new ArrayList<>();
            runs.forEach(r -> rankings.add(r.results().getOrDefault(q, List.of())));
            fused.put(q, ScoreFusion.fuse(rankings, weights, params, limit));
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            parts.add(String.format(Locale.ROOT, "%s*%s", weights.get(i), runs.get(i).tag()));
        }
        String how = params.method() == FusionParams.Method.RRF ? params.tag()
                : String.format(Locale.ROOT, "%s(depth=%d)", params.method().name().toLowerCase(Locale.ROOT), params.depth());
        return new Run("fuse[" + String.join("|", parts) + "]+" + how, fused);
    }
}
