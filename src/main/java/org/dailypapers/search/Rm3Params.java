package org.dailypapers.search;

import java.util.Locale;

/**
 * RM3 pseudo-relevance feedback (Abdul-Jaleel et al., 2004; Lavrenko and Croft's relevance model 1
 * interpolated with the query), with Anserini's defaults: 10 feedback documents, 10 expansion terms, original
 * query weight 0.5.
 */
public record Rm3Params(int fbDocs, int fbTerms, double originalQueryWeight) {

    /** Anserini's defaults. */
    public static final Rm3Params DEFAULT = new Rm3Params(10, 10, 0.5);

    /** Best on SciFact train (docs/EVAL.md): fewer feedback documents, more terms, more weight on the query. */
    public static final Rm3Params TUNED = new Rm3Params(5, 20, 0.8);

    public Rm3Params {
        if (fbDocs < 1 || fbTerms < 1 || originalQueryWeight < 0 || originalQueryWeight > 1) {
            throw new IllegalArgumentException("invalid RM3 parameters: " + fbDocs + ", " + fbTerms + ", "
                    + originalQueryWeight);
        }
    }

    public String tag() {
        return String.format(Locale.ROOT, "rm3(fbTerms=%d,fbDocs=%d,w=%s)", fbTerms, fbDocs,
                Bm25Params.num(originalQueryWeight));
    }
}
