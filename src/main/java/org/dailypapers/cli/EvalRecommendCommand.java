package org.dailypapers.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dailypapers.eval.PairedComparison;
import org.dailypapers.eval.recommend.MethodResult;
import org.dailypapers.eval.recommend.RecommendEval;
import org.dailypapers.eval.recommend.RecommendStudy;
import org.dailypapers.eval.recommend.Submission;
import org.dailypapers.foryou.ClassifierParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval recommend}: the for-you ranking against recency, popularity, arxiv-sanity-lite, a centroid and the
 * bare classifier, on who submitted which Hugging Face daily paper (docs/EVAL.md, "Recommendation").
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Evaluate paper recommendation on Hugging Face's daily papers: a submitter's papers before a "
                + "cut-off are their signals, their papers after it what they want (nDCG@20, Recall@50, MRR).")
public final class EvalRecommendCommand implements Callable<Integer> {

    @Mixin
    HfSubmissionData data;

    @Option(names = "--cutoff", defaultValue = "2026-02-01", description = "test cut-off day (default: ${DEFAULT-VALUE})")
    LocalDate cutoff;

    @Option(names = "--validation-cutoff", defaultValue = "2025-09-01",
            description = "validation cut-off day; validation targets run until --cutoff (default: ${DEFAULT-VALUE})")
    LocalDate validationCutoff;

    @Option(names = "--min-papers", defaultValue = "10",
            description = "a submitter with at least this many papers is a person (default: ${DEFAULT-VALUE})")
    int minPapers;

    @Option(names = "--negatives", defaultValue = "" + 20_000,
            description = "background papers per person's classifier (default: ${DEFAULT-VALUE})")
    int negatives;

    @Option(names = "--classifiers", split = ",", paramLabel = "LOSS:C",
            description = "classifiers tried on validation, e.g. svm:0.1,logreg:1 (default: svm:0.01,svm:0.1,svm:1,logreg:1,logreg:10)")
    List<String> classifiers;

    @Option(names = "--embedding-weights", split = ",",
            description = "embedding weights beside the terms tried on validation (default: 0,0.5,1)")
    List<Double> embeddingWeights;

    @Option(names = "--author-min-df", split = ",",
            description = "the fewest papers an author needs to be a term, tried on validation (default: 2,5)")
    List<Integer> authorMinDfs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!validationCutoff.isBefore(cutoff)) {
            throw new IllegalArgumentException("--validation-cutoff must be before --cutoff");
        }
        long start = System.nanoTime();
        List<Submission> all = data.submissions();
        Map<String, float[]> unit = data.unitVectors();
        long missing = all.stream().filter(s -> !unit.containsKey(s.id())).count();
        detail(all.size() + " papers, " + unit.size() + " vectors (" + missing + " papers without one)");
        List<ClassifierParams> grid = classifiers == null ? RecommendStudy.CLASSIFIERS : classifiers.stream().map(c -> {
            String[] p = c.split(":");
            if (p.length != 2) throw new IllegalArgumentException("--classifiers takes LOSS:C, e.g. svm:0.1, not " + c);
            return new ClassifierParams(p[0], Double.parseDouble(p[1]));
        }).toList();
        RecommendStudy.Outcome outcome = new RecommendStudy(new RecommendEval(unit), grid,
                embeddingWeights == null ? RecommendStudy.EMBEDDING_WEIGHTS : embeddingWeights,
                authorMinDfs == null ? RecommendStudy.AUTHOR_MIN_DFS : authorMinDfs, this::detail)
                .run(all, validationCutoff, cutoff, minPapers, negatives);
        PrintWriter out = spec.commandLine().getOut();
        for (MethodResult r : outcome.test()) {
            out.println(r.line());
            detail("  tag=" + r.tag());
        }
        List<String> baselines = List.of("asl-svm", "popularity");
        for (int i = 0; i < baselines.size(); i++) {
            PairedComparison c = outcome.comparisons().get(i);
            out.println("compare " + baselines.get(i) + " for-you " + c.summary("nDCG@20"));
        }
        out.flush();
        detail(String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
        return 0;
    }

    private void detail(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(line);
        err.flush();
    }
}
