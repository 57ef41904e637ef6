package org.dailypapers.foryou;

import java.util.Locale;

/**
 * How a person's linear classifier is trained (LIBLINEAR).
 *
 * @param loss {@code logreg} (L2-regularised logistic regression) or {@code svm} (L2-regularised squared-hinge
 *     linear SVM, what scikit-learn's {@code LinearSVC} and arxiv-sanity-lite use)
 * @param c the inverse regularisation strength (larger fits the signals more closely)
 * @param balanced weigh each class by n / (2 * its size), scikit-learn's {@code class_weight='balanced'}: a
 *     person has a handful of positives against thousands of negatives
 * @param tolerance LIBLINEAR's stopping tolerance (scikit-learn's {@code tol})
 */
public record ClassifierParams(String loss, double c, boolean balanced, double tolerance) {

    /** arxiv-sanity-lite's {@code LinearSVC(class_weight='balanced', tol=1e-6, C=0.01)}. */
    public static final ClassifierParams ASL_SVM = new ClassifierParams("svm", 0.01, true, 1e-6);

    /** A balanced classifier with LIBLINEAR's usual tolerance for its dual solvers (0.1 is its default). */
    public ClassifierParams(String loss, double c) {
        this(loss, c, true, 0.01);
    }

    public ClassifierParams {
        if (!loss.equals("logreg") && !loss.equals("svm")) {
            throw new IllegalArgumentException("loss must be logreg or svm, not " + loss);
        }
        if (!(c > 0)) {
            throw new IllegalArgumentException("C must be positive, not " + c);
        }
    }

    /** The run tag's part: {@code logreg(C=1)}. */
    public String tag() {
        return String.format(Locale.ROOT, "%s(C=%s%s)", loss, stripped(c), balanced ? ",balanced" : "");
    }

    private static String stripped(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
