package org.dailypapers.foryou;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dailypapers.eval.recommend.HfSubmissions;
import org.dailypapers.eval.recommend.Submission;
import org.dailypapers.search.VectorFile;

/**
 * Ranking a month's papers for one person, as {@code /for-you?period=month} does once the model is trained:
 * prints the training time and p50/p99 of ranking over many rounds (docs/PERFORMANCE.md).
 *
 * <pre>java -Xmx1g -cp target/test-classes:target/classes:CLASSPATH org.dailypapers.foryou.ForYouRankingBench
 *     ../shared/data/hf-daily-papers src/main/resources/demo/vectors-bge-small-en-v1.5-q.dpvf 2026-06 [rounds]</pre>
 */
public final class ForYouRankingBench {

    public static void main(String[] args) throws Exception {
        List<Submission> papers = HfSubmissions.read(Path.of(args[0]));
        Map<String, float[]> vectors = new HashMap<>();
        VectorFile.read(Path.of(args[1])).vectors().forEach((id, v) -> vectors.put(id, Vectors.unit(v)));
        YearMonth month = YearMonth.parse(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        Map<String, Integer> bySubmitter = new HashMap<>();
        papers.forEach(p -> bySubmitter.merge(p.submitter(), 1, Integer::sum));
        // a person with 20 to 30 papers before the month: a typical one of the evaluation
        String person = bySubmitter.entrySet().stream().filter(e -> e.getValue() >= 20 && e.getValue() <= 30)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        List<Doc> liked = new ArrayList<>(), background = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Submission s : papers.reversed()) {
            Doc d = new Doc(vectors.get(s.id()), PaperTerms.of(s.title(), s.summary(), s.authors()));
            if (YearMonth.from(s.day()).equals(month)) {
                candidates.add(new Candidate(s.id(), d, Math.log1p(s.upvotes()),
                        s.authors().stream().map(FollowKeys::author).toList()));
            } else if (YearMonth.from(s.day()).isBefore(month)) {
                (s.submitter().equals(person) ? liked : background).add(d);
            }
        }
        ForYouRanker ranker = new ForYouRanker(RankerParams.DEFAULT);
        long t0 = System.nanoTime();
        PersonalModel model = ranker.train(new Signals(liked, List.of(), Set.of()), background);
        double trainMs = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < 200; i++) ranker.rank(model, candidates); // warm-up
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            ranker.rank(model, candidates);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "person=%s liked=%d background=%d candidates=%d (%s) train=%.1f ms "
                        + "rank p50=%.2f ms p99=%.2f ms max=%.2f ms rounds=%d%n", person, liked.size(),
                Math.min(background.size(), RankerParams.DEFAULT.negatives()), candidates.size(), month, trainMs,
                ms[rounds / 2], ms[(int) Math.floor(rounds * 0.99)], ms[rounds - 1], rounds);
    }
}
