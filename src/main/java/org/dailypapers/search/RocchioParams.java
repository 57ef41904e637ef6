package org.dailypapers.search;

import java.util.Locale;

/**
 * Rocchio pseudo-relevance feedback on query vectors (Rocchio, 1971; as vector PRF for dense retrievers in
 * Li et al., 2022): the new query is {@code queryWeight * q + (1 - queryWeight) * mean(top fbDocs vectors)},
 * re-normalised. The query keeps at least half the weight, and feedback stays shallow, because deep dense
 * feedback drifts.
 */
public record RocchioParams(int fbDocs, double queryWeight) {

    /** Best for dense+prf on SciFact train (docs/EVAL.md). */
    public static final RocchioParams DEFAULT = new RocchioParams(5, 0.9);

    /** Best for hybrid+prf on SciFact train, where feedback comes from the fused (more precise) top. */
    public static final RocchioParams HYBRID = new RocchioParams(5, 0.7);

    public RocchioParams {
        if (fbDocs < 1 || fbDocs > 50 || queryWeight < 0.5 || queryWeight > 1) {
            throw new IllegalArgumentException("invalid Rocchio parameters (fbDocs 1..50, queryWeight 0.5..1): "
                    + fbDocs + ", " + queryWeight);
        }
    }

    public String tag() {
        return String.format(Locale.ROOT, "rocchio(fbDocs=%d,w=%s)", fbDocs, Bm25Params.num(queryWeight));
    }
}
