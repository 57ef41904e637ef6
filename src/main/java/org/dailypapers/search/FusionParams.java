package org.dailypapers.search;

import java.util.Locale;

/**
 * How {@link HybridRetriever} merges a lexical and a dense ranking, each cut at {@code depth}.
 *
 * @param method RRF (Cormack et al., 2009: sum of 1/(k + rank)), or a weighted sum of scores normalised per
 *     query by min-max or z-score (a paper missing from one list gets that list's minimum)
 * @param denseWeight alpha, the weight of the dense side in a normalised combination (0..1; RRF ignores it)
 * @param rrfK the RRF constant, 60 in the original paper
 * @param depth how many results each side contributes
 */
public record FusionParams(Method method, double denseWeight, int rrfK, int depth) {

    public enum Method { RRF, MINMAX, ZSCORE }

    /** Chosen on SciFact train (docs/EVAL.md): z-score, dense weight 0.7, 200 per side. */
    public static final FusionParams DEFAULT = new FusionParams(Method.ZSCORE, 0.7, 60, 200);

    /** Plain RRF with the original paper's k = 60. */
    public static final FusionParams RRF = new FusionParams(Method.RRF, 0.5, 60, 100);

    public FusionParams {
        if (denseWeight < 0 || denseWeight > 1 || rrfK < 1 || depth < 1 || depth > SearchRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("invalid fusion parameters: " + denseWeight + ", " + rrfK + ", "
                    + depth);
        }
    }

    public String tag() {
        String m = method.name().toLowerCase(Locale.ROOT);
        return switch (method) {
            case RRF -> String.format(Locale.ROOT, "rrf(k=%d,depth=%d)", rrfK, depth);
            default -> String.format(Locale.ROOT, "%s(alpha=%s,depth=%d)", m, Bm25Params.num(denseWeight), depth);
        };
    }
}
