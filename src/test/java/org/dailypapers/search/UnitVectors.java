package org.dailypapers.search;

import java.util.Random;

/** Random unit vectors for tests: Gaussian coordinates, normalised, so directions are uniform on the sphere. */
final class UnitVectors {

    private UnitVectors() {}

    static float[] random(Random random, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
