package org.dailypapers.foryou;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;

/**
 * A trained linear scorer, {@code w . x + b}, fitted by LIBLINEAR (its Java port) on positive and negative
 * examples. Higher scores are more like the positives. Immutable and thread-safe once trained.
 */
public final class LinearClassifier {

    static {
        Linear.disableDebugOutput();
    }

    private final double[] weights;
    private final double bias;

    private LinearClassifier(double[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Trains on sparse rows (LIBLINEAR's 1-based feature indices, ascending). The bias is a constant feature of
     * value 1, as scikit-learn's {@code intercept_scaling=1}; a fixed random seed makes training repeatable.
     *
     * @throws IllegalArgumentException without at least one positive and one negative
     */
    public static LinearClassifier train(Feature[][] rows, int dimension, boolean[] positive, ClassifierParams params) {
        int pos = 0;
        for (boolean p : positive) pos += p ? 1 : 0;
        int neg = positive.length - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("training needs positives and negatives, got " + pos + " and " + neg);
        }
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = dimension + 1;
        problem.bias = 1;
        problem.x = new Feature[rows.length][];
        problem.y = new double[rows.length];
        FeatureNode biasNode = new FeatureNode(dimension + 1, 1);
        for (int i = 0; i < rows.length; i++) {
            Feature[] row = new Feature[rows[i].length + 1];
            System.arraycopy(rows[i], 0, row, 0, rows[i].length);
            row[rows[i].length] = biasNode;
            problem.x[i] = row;
            problem.y[i] = positive[i] ? 1 : -1;
        }
        boolean svm = params.loss().equals("svm");
        // max_iter=10000 as arxiv-sanity-lite's LinearSVC
        Parameter parameter = new Parameter(svm ? SolverType.L2R_L2LOSS_SVC_DUAL : SolverType.L2R_LR_DUAL,
                params.c(), params.tolerance(), 10_000, 0.1);
        if (params.balanced()) {
            int n = rows.length;
            parameter.setWeights(new double[] {n / (2.0 * pos), n / (2.0 * neg)}, new int[] {1, -1});
        }
        parameter.setRandom(new Random(1));
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        // LIBLINEAR's binary weights score the first label it met; make higher mean "positive"
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] weights = new double[dimension];
        for (int j = 0; j < dimension; j++) weights[j] = sign * w[j];
        return new LinearClassifier(weights, sign * w[dimension]);
    }

    /** The weight of feature {@code j} (0-based). */
    double weight(int j) {
        return weights[j];
    }

    double bias() {
        return bias;
    }

    /** The score of a sparse row (1-based indices). */
    public double score(Feature[] x) {
        double s = bias;
        for (Feature f : x) s += weights[f.getIndex() - 1] * f.getValue();
        return s;
    }
}
