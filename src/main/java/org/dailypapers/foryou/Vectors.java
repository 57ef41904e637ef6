package org.dailypapers.foryou;

import java.util.List;

/** Small dense-vector arithmetic for embeddings. */
public final class Vectors {

    private Vectors() {}

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** The mean of unit vectors, scaled to unit length; {@code null} when there are none. */
    public static float[] centroid(List<float[]> vectors) {
        if (vectors.isEmpty()) return null;
        float[] c = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < c.length; i++) c[i] += v[i];
        }
        return unit(c);
    }

    /** A copy scaled to unit length (a zero vector stays zero). */
    public static float[] unit(float[] v) {
        double n = Math.sqrt(dot(v, v));
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) u[i] = n == 0 ? 0 : (float) (v[i] / n);
        return u;
    }

    /** Standardises scores to mean 0 and standard deviation 1 (all equal: all 0). */
    public static double[] standardised(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= Math.max(1, x.length);
        double var = 0;
        for (double v : x) var += (v - mean) * (v - mean);
        double sd = Math.sqrt(var / Math.max(1, x.length));
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) z[i] = sd < 1e-12 ? 0 : (x[i] - mean) / sd;
        return z;
    }
}
