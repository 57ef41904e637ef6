package org.dailypapers.eval.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dailypapers.eval.PairedComparison;
import org.dailypapers.foryou.ClassifierParams;
import org.dailypapers.foryou.ForYouRanker;
import org.dailypapers.foryou.PersonalModel;
import org.dailypapers.foryou.RankerParams;

/**
 * The whole recommendation evaluation: parameters (the classifier, its C, the embedding's weight beside the
 * terms, the followed-author bonus and the community blend) are chosen on a validation split (signals before
 * {@code validationCutoff}, targets and candidates from it until {@code testCutoff}), then every method is
 * scored once on the test split (signals before {@code testCutoff}, everything after it).
 */
public final class RecommendStudy {

    /** The classifiers tried on validation. */
    public static final List<ClassifierParams> CLASSIFIERS = List.of(new ClassifierParams("svm", 0.01),
            new ClassifierParams("svm", 0.1),
            new ClassifierParams("svm", 1), new ClassifierParams("logreg", 1), new ClassifierParams("logreg", 10));
    public static final List<Double> EMBEDDING_WEIGHTS = List.of(0.0, 0.5, 1.0);
    /** The fewest papers an author needs to be a term, tried on validation. */
    public static final List<Integer> AUTHOR_MIN_DFS = List.of(2, 5);
    static final double[] FOLLOW_WEIGHTS = {0, 0.5, 1};
    static final double[] BLENDS = {0, 0.1, 0.2, 0.3, 0.4, 0.5};

    public record Outcome(RankerParams chosen, List<MethodResult> test, List<PairedComparison> comparisons) {}

    private final RecommendEval eval;
    private final Consumer<String> detail;
    private final List<ClassifierParams> classifiers;
    private final List<Double> embeddingWeights;
    private final List<Integer> authorMinDfs;

    /**
     * @param classifiers and {@code embeddingWeights}: the grid tried on validation (each pair trains every
     *     person's model once, the costly step)
     * @param detail receives the validation grid, one line per setting
     */
    public RecommendStudy(RecommendEval eval, List<ClassifierParams> classifiers, List<Double> embeddingWeights,
                          List<Integer> authorMinDfs, Consumer<String> detail) {
        this.authorMinDfs = List.copyOf(authorMinDfs);
        this.eval = eval;
        this.classifiers = List.copyOf(classifiers);
        this.embeddingWeights = List.copyOf(embeddingWeights);
        this.detail = detail;
    }

    public Outcome run(List<Submission> papers, LocalDate validationCutoff, LocalDate testCutoff, int minPapers,
                       int negatives) {
        RecommendSplit validation = RecommendSplit.of("validation", papers, validationCutoff, testCutoff, minPapers);
        RecommendSplit test = RecommendSplit.of("test", papers, testCutoff, LocalDate.MAX, minPapers);
        detail.accept("validation: cut-off " + validationCutoff + ", " + validation.candidates().size()
                + " candidates, " + validation.people().size() + " people; test: cut-off " + testCutoff + ", "
                + test.candidates().size() + " candidates, " + test.people().size() + " people");
        RankerParams chosen = choose(validation, negatives);
        detail.accept("chosen on validation: " + chosen.tag());

        RankerParams classifierOnly = chosen.withFollowWeight(0).withBlend(0);
        List<MethodResult> results = new ArrayList<>();
        results.add(eval.recency(test));
        results.add(eval.popularity(test));
        results.add(eval.aslSvm(test));
        results.add(eval.centroid(test));
        // one model per person serves both: follows change the ranking, not the classifier
        ForYouRanker forYou = new ForYouRanker(chosen);
        Map<String, PersonalModel> models = eval.train(test, forYou, true);
        results.add(eval.ranked("classifier", test, new ForYouRanker(classifierOnly), models));
        MethodResult product = eval.ranked("for-you", test, forYou, models);
        results.add(product);
        List<PairedComparison> comparisons = new ArrayList<>();
        for (MethodResult baseline : List.of(results.get(2), results.get(1))) {
            comparisons.add(PairedComparison.of(baseline.ndcg(), product.ndcg()));
        }
        return new Outcome(chosen, results, comparisons);
    }

    /** The classifier by nDCG@20 on validation, then the author weight and blend with it. */
    RankerParams choose(RecommendSplit validation, int negatives) {
        RankerParams best = null;
        double bestScore = -1;
        for (ClassifierParams c : classifiers) {
            for (double e : embeddingWeights) for (int authorMinDf : authorMinDfs) {
                ForYouRanker ranker = new ForYouRanker(new RankerParams(c, negatives, e, authorMinDf, 0, 0));
                MethodResult r = eval.ranked("classifier", validation, ranker, eval.train(validation, ranker, false));
                detail.accept("  validation " + r.tag() + " " + r.line());
                if (r.meanNdcg() > bestScore) {
                    bestScore = r.meanNdcg();
                    best = ranker.params();
                }
            }
        }
        ForYouRanker withAuthors = new ForYouRanker(best);
        Map<String, PersonalModel> models = eval.train(validation, withAuthors, true);
        bestScore = -1;
        RankerParams chosen = best;
        for (double a : FOLLOW_WEIGHTS) {
            for (double b : BLENDS) {
                RankerParams p = best.withFollowWeight(a).withBlend(b);
                MethodResult r = eval.ranked("for-you", validation, new ForYouRanker(p), models);
                detail.accept("  validation " + r.tag() + " " + r.line());
                if (r.meanNdcg() > bestScore + 1e-12) {
                    bestScore = r.meanNdcg();
                    chosen = p;
                }
            }
        }
        return chosen;
    }
}
