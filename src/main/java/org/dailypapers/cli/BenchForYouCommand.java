package org.dailypapers.cli;

import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dailypapers.eval.recommend.Submission;
import org.dailypapers.foryou.Candidate;
import org.dailypapers.foryou.Doc;
import org.dailypapers.foryou.FollowKeys;
import org.dailypapers.foryou.ForYouRanker;
import org.dailypapers.foryou.PaperTerms;
import org.dailypapers.foryou.PersonalModel;
import org.dailypapers.foryou.RankerParams;
import org.dailypapers.foryou.Signals;
import org.dailypapers.foryou.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench foryou}: what {@code /for-you?period=month} costs once a person's model is trained. Trains one
 * person's model (a Hugging Face submitter with 20 to 30 papers before the month: their papers are what they
 * liked, every other paper until the month's end the background, as the product trains against its whole feed)
 * and ranks the month's papers many times with the product's {@link RankerParams#DEFAULT}, printing the shared
 * vocabulary's fitting time, the training time and the ranking's p50/p99/max.
 */
@Command(name = "foryou", mixinStandardHelpOptions = true,
        description = "Train one person's for-you model and rank a month's papers N times: training ms, ranking p50/p99/max ms.")
public final class BenchForYouCommand implements Callable<Integer> {

    @Mixin
    HfSubmissionData data;

    @Option(names = "--month", defaultValue = "2026-06", description = "the month ranked (default: ${DEFAULT-VALUE})")
    YearMonth month;

    @Option(names = "--rounds", defaultValue = "1000", description = "rankings timed (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--trainings", defaultValue = "3", description = "trainings timed (default: ${DEFAULT-VALUE})")
    int trainings;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || trainings < 1) throw new IllegalArgumentException("--rounds and --trainings must be >= 1");
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "load average before %.2f (%d cores)%n", os.getSystemLoadAverage(), os.getAvailableProcessors());
        List<Submission> all = data.submissions();
        Map<String, float[]> unit = data.unitVectors();
        Map<String, Integer> before = new HashMap<>();
        all.stream().filter(s -> YearMonth.from(s.day()).isBefore(month)).forEach(s -> before.merge(s.submitter(), 1, Integer::sum));
        String person = before.entrySet().stream().filter(e -> !e.getKey().isEmpty() && e.getValue() >= 20 && e.getValue() <= 30)
                .map(Map.Entry::getKey).sorted().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no submitter has 20 to 30 papers before " + month));
        List<Doc> liked = new ArrayList<>(), background = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Submission s : all.reversed()) { // newest first: the background is the newest papers, as in the product
            Doc doc = new Doc(unit.get(s.id()), PaperTerms.of(s.title(), s.summary(), s.authors()));
            YearMonth m = YearMonth.from(s.day());
            if (m.equals(month)) {
                candidates.add(new Candidate(s.id(), doc, Math.log1p(s.upvotes()),
                        s.authors().stream().map(FollowKeys::author).toList()));
            }
            if (!m.isAfter(month)) {
                if (m.isBefore(month) && s.submitter().equals(person)) liked.add(doc);
                else background.add(doc);
            }
        }
        if (candidates.isEmpty()) throw new IllegalArgumentException("no papers on the feed in " + month);
        ForYouRanker ranker = new ForYouRanker(RankerParams.DEFAULT);
        long v0 = System.nanoTime();
        List<Map<String, Integer>> corpus = new ArrayList<>();
        liked.forEach(d -> corpus.add(d.terms()));
        background.forEach(d -> corpus.add(d.terms()));
        Vocabulary vocabulary = Vocabulary.fit(corpus, RankerParams.DEFAULT.authorMinDf());
        double vocabularyMs = (System.nanoTime() - v0) / 1e6;
        // the product keeps the corpus and the period's papers as rows of the shared vocabulary
        background.replaceAll(d -> d.compact(vocabulary));
        candidates.replaceAll(c -> new Candidate(c.id(), c.doc().compact(vocabulary), c.community(), c.keys()));
        Signals signals = new Signals(liked, List.of(), Set.of());
        PersonalModel model = null;
        double[] trainMs = new double[trainings];
        for (int i = 0; i < trainings; i++) {
            long t0 = System.nanoTime();
            model = ranker.train(signals, background, vocabulary);
            trainMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        for (int i = 0; i < Math.min(200, rounds); i++) ranker.rank(model, candidates); // warm-up
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            ranker.rank(model, candidates);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%s person=%s liked=%d background=%d candidates=%d (%s)%n", RankerParams.DEFAULT.tag(),
                person, liked.size(), Math.min(background.size(), RankerParams.DEFAULT.negatives()), candidates.size(), month);
        System.out.printf(Locale.ROOT, "vocabulary (shared, fitted once per feed change) ms: %.1f, %d terms%n",
                vocabularyMs, vocabulary.size());
        System.out.printf(Locale.ROOT, "train ms: %s (first includes JIT warm-up)%n", String.join(", ",
                Arrays.stream(trainMs).mapToObj(t -> String.format(Locale.ROOT, "%.1f", t)).toList()));
        System.out.printf(Locale.ROOT, "rank ms over %d rounds: p50=%.2f p99=%.2f max=%.2f%n", rounds, ms[rounds / 2],
                ms[Math.min(rounds - 1, (int) Math.floor(rounds * 0.99))], ms[rounds - 1]);
        System.out.printf(Locale.ROOT, "load average after %.2f%n", os.getSystemLoadAverage());
        return 0;
    }
}
