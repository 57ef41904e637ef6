package org.dailypapers.eval;

import java.util.Locale;

/**
 * Two runs compared query by query on nDCG@10, the way a change of defaults is judged in docs/EVAL.md: the mean
 * of the per-query differences (B minus A), its standard error (sample standard deviation over the square
 * root of the number of queries), and how many queries got better or worse. A difference of one or two
 * standard errors is noise on a benchmark of a few hundred queries.
 */
public record PairedComparison(int queries, double meanA, double meanB, double standardError, int better, int worse) {

    /** Compares {@code b} against {@code a} over every judged query of {@code qrels} (unanswered counts as 0). */
    public static PairedComparison of(Run a, Run b, Qrels qrels) {
        double[] x = new double[qrels.judgements().size()];
        double[] y = new double[x.length];
        int i = 0;
        for (String q : qrels.judgements().keySet()) {
            x[i] = Metrics.ndcg(a.ranking(q), qrels.of(q), 10);
            y[i++] = Metrics.ndcg(b.ranking(q), qrels.of(q), 10);
        }
        return of(x, y);
    }

    /** Compares per-query scores {@code b[i]} against {@code a[i]} (the same query at the same index). */
    public static PairedComparison of(double[] a, double[] b) {
        int n = a.length;
        if (n < 2 || b.length != n) {
            throw new IllegalArgumentException("a paired comparison needs at least 2 judged queries (scored by both), found "
                    + n + " and " + b.length);
        }
        double[] diff = new double[n];
        double sumA = 0, sumB = 0;
        int better = 0, worse = 0;
        for (int i = 0; i < n; i++) {
            double x = a[i], y = b[i];
            sumA += x;
            sumB += y;
            diff[i] = y - x;
            if (y - x > 1e-12) better++;
            if (x - y > 1e-12) worse++;
        }
        double mean = (sumB - sumA) / n;
        double squares = 0;
        for (double d : diff) squares += (d - mean) * (d - mean);
        double se = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new PairedComparison(n, sumA / n, sumB / n, se, better, worse);
    }

    public double difference() {
        return meanB - meanA;
    }

    /** One line: {@code nDCG@10 A=... B=... diff=+... SE=... better=.. worse=.. queries=..}. */
    public String summary() {
        return summary("nDCG@10");
    }

    /** The same line for another measure: {@code METRIC A=... B=... diff=...}. */
    public String summary(String metric) {
        return String.format(Locale.ROOT, metric + " A=%.4f B=%.4f diff=%+.4f SE=%.4f better=%d worse=%d queries=%d",
                meanA, meanB, difference(), standardError, better, worse, queries);
    }
}
