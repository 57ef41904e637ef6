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
 * @param minDenseCosine the relevance rule: a paper that only the dense side returned is kept only when its cosine
 *     similarity to the query is at least this; {@link #NO_CUT} keeps every one. The dense side always
 *     returns neighbours, even of nonsense, and nonsense has no lexical match; the lexical side needs no
 *     threshold, as a BM25 result shares a word with the query (calibration in docs/EVAL.md)
 */
public record FusionParams(Method method, double denseWeight, int rrfK, int depth, double minDenseCosine) {

    public enum Method { RRF, MINMAX, ZSCORE }

    /** No relevance cut: every dense result takes part (cosine is never below -1). */
    public static final double NO_CUT = -1.0;

    /**
     * Chosen on SciFact train (docs/EVAL.md): z-score, dense weight 0.7, 200 per side. The cut depends on the
     * model ({@link EmbeddingModelName#minRelevantCosine()}); {@link SearchPipeline#named} sets it.
     */
    public static final FusionParams DEFAULT = new FusionParams(Method.ZSCORE, 0.7, 60, 200);

    /** Plain RRF with the original paper's k = 60. */
    public static final FusionParams RRF = new FusionParams(Method.RRF, 0.5, 60, 100);

    public FusionParams {
        if (denseWeight < 0 || denseWeight > 1 || rrfK < 1 || depth < 1 || depth > SearchRequest.MAX_LIMIT
                || !(minDenseCosine >= -1 && minDenseCosine <= 1)) {
            throw new IllegalArgumentException("invalid fusion parameters: " + denseWeight + ", " + rrfK + ", "
                    + depth + ", " + minDenseCosine);
        }
    }

    /** Without the relevance cut (e.g. fusing run files, whose dense scores need not be cosines). */
    public FusionParams(Method method, double denseWeight, int rrfK, int depth) {
        this(method, denseWeight, rrfK, depth, NO_CUT);
    }

    public FusionParams withMinDenseCosine(double cosine) {
        return new FusionParams(method, denseWeight, rrfK, depth, cosine);
    }

    public boolean cuts() {
        return minDenseCosine > NO_CUT;
    }

    public String tag() {
        String m = method.name().toLowerCase(Locale.ROOT);
        String cut = cuts() ? ",minCos=" + Bm25Params.num(minDenseCosine) : "";
        return switch (method) {
            case RRF -> String.format(Locale.ROOT, "rrf(k=%d,depth=%d%s)", rrfK, depth, cut);
            default -> String.format(Locale.ROOT, "%s(alpha=%s,depth=%d%s)", m, Bm25Params.num(denseWeight), depth, cut);
        };
    }
}
