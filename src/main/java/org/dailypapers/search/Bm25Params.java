package org.dailypapers.search;

import java.util.Locale;

/**
 * BM25 settings. k1 and b default to Anserini's BEIR baselines (0.9, 0.4). The free text is scored against
 * the flat contents field (title, abstract and keywords) with weight 1, plus the title alone and the author
 * names with their own weights (0 turns a field off).
 */
public record Bm25Params(double k1, double b, double titleWeight, double authorsWeight) {

    public static final Bm25Params DEFAULT = new Bm25Params(0.9, 0.4, 0.0, 0.5);

    public Bm25Params {
        if (k1 < 0 || b < 0 || b > 1 || titleWeight < 0 || authorsWeight < 0) {
            throw new IllegalArgumentException("invalid BM25 parameters: " + k1 + ", " + b + ", " + titleWeight
                    + ", " + authorsWeight);
        }
    }

    public String tag() {
        return String.format(Locale.ROOT, "bm25(k1=%s,b=%s,title=%s,authors=%s)", num(k1), num(b),
                num(titleWeight), num(authorsWeight));
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%s", (float) d);
    }
}
