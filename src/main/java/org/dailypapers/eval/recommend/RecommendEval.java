package org.dailypapers.eval.recommend;

import de.bwaldvogel.liblinear.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dailypapers.eval.Metrics;
import org.dailypapers.foryou.FollowKeys;
import org.dailypapers.foryou.Candidate;
import org.dailypapers.foryou.Doc;
import org.dailypapers.foryou.ClassifierParams;
import org.dailypapers.foryou.ForYouRanker;
import org.dailypapers.foryou.LinearClassifier;
import org.dailypapers.foryou.PaperTerms;
import org.dailypapers.foryou.PersonalModel;
import org.dailypapers.foryou.RankedPaper;
import org.dailypapers.foryou.RankerParams;
import org.dailypapers.foryou.Signals;
import org.dailypapers.foryou.Vectors;
import org.dailypapers.foryou.Vocabulary;

/**
 * Recommendation methods scored on a {@link RecommendSplit}: each ranks every candidate for each person, and
 * nDCG@20, Recall@50 and MRR are taken against the papers that person went on to submit. Needs no database,
 * web or mail: the papers and their embeddings come in.
 */
public final class RecommendEval {

    private final Map<String, float[]> vectors;
    private final Map<String, Doc> docs = new HashMap<>();

    /** @param vectors unit-length embeddings by arXiv id (papers without one rank last where one is needed) */
    public RecommendEval(Map<String, float[]> vectors) {
        this.vectors = vectors;
    }

    /** Papers as rows of the vocabulary last fitted: training and ranking read these, not the bags of terms. */
    private final Map<Vocabulary, Map<String, Doc>> compact = new java.util.IdentityHashMap<>();

    private Doc compact(Submission s, Vocabulary vocabulary) {
        return compact.computeIfAbsent(vocabulary, v -> {
            compact.clear(); // one vocabulary at a time: a split's grid point trains and ranks with one
            return new HashMap<>();
        }).computeIfAbsent(s.id(), id -> doc(s).compact(vocabulary));
    }

    /** What the product's classifier reads of a paper (its terms are analysed once). */
    private Doc doc(Submission s) {
        return docs.computeIfAbsent(s.id(), id -> new Doc(vectors.get(id), PaperTerms.of(s.title(), s.summary(), s.authors())));
    }

    /** Newest feed day first (a tie keeps the feed's order). */
    public MethodResult recency(RecommendSplit split) {
        List<String> order = split.candidates().stream()
                .sorted(Comparator.comparing(Submission::day).reversed()).map(Submission::id).toList();
        return score("recency", "recency(day desc)", split, person -> order);
    }

    /** Most upvoted first: the crowd's ranking, the same for everyone. */
    public MethodResult popularity(RecommendSplit split) {
        List<String> order = split.candidates().stream()
                .sorted(Comparator.comparingInt(Submission::upvotes).reversed()).map(Submission::id).toList();
        return score("popularity", "popularity(upvotes desc)", split, person -> order);
    }

    /**
     * arxiv-sanity-lite: tf-idf over every paper it knows (the history and the candidates), then per person a
     * linear SVM with their papers as positives and every other paper as negatives ({@code LinearSVC(
     * class_weight='balanced', C=0.01)} in its {@code serve.py}), candidates ranked by the decision function.
     */
    public MethodResult aslSvm(RecommendSplit split) {
        List<Submission> corpus = new ArrayList<>(split.history());
        corpus.addAll(split.candidates());
        TfidfVectorizer tfidf = TfidfVectorizer.fitTransform(corpus.stream().map(Submission::text).toList(),
                TfidfVectorizer.MAX_FEATURES, TfidfVectorizer.MIN_DF, TfidfVectorizer.MAX_DF);
        Feature[][] rows = new Feature[corpus.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = tfidf.row(i);
        int first = split.history().size();
        ClassifierParams params = ClassifierParams.ASL_SVM;
        return score("asl-svm", "asl-svm(tfidf(1-2grams,sublinear,max_features=20000,min_df=5,max_df=0.1),"
                + params.tag() + ")", split, person -> {
            Set<String> mine = ids(split.signals().get(person));
            boolean[] positive = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) positive[i] = mine.contains(corpus.get(i).id());
            LinearClassifier svm = LinearClassifier.train(rows, tfidf.dimension(), positive, params);
            return byScore(split.candidates(), i -> svm.score(rows[first + i]));
        });
    }

    /** Cosine similarity to the mean of the person's paper embeddings. */
    public MethodResult centroid(RecommendSplit split) {
        return score("centroid", "centroid(bge-small-en-v1.5)", split, person -> {
            float[] c = Vectors.centroid(split.signals().get(person).stream().map(s -> vectors.get(s.id()))
                    .filter(v -> v != null).toList());
            return byScore(split.candidates(), i -> {
                float[] v = vectors.get(split.candidates().get(i).id());
                return c == null || v == null ? -2 : Vectors.dot(c, v);
            });
        });
    }

    /**
     * The per-person models the product trains, for every person of the split: the vocabulary is fitted on
     * every paper of the split (history and candidates, as the product fits it on every paper it holds) and the
     * background is all of them but the person's own, newest first.
     */
    public Map<String, PersonalModel> train(RecommendSplit split, ForYouRanker ranker, boolean withAuthors) {
        List<Submission> newestFirst = new ArrayList<>(split.history());
        newestFirst.addAll(split.candidates());
        newestFirst.sort(Comparator.comparing(Submission::day).reversed());
        Vocabulary vocabulary = Vocabulary.fit(newestFirst.stream().map(s -> doc(s).terms()).toList(),
                ranker.params().authorMinDf());
        Map<String, PersonalModel> models = new HashMap<>();
        for (String person : split.people()) {
            Set<String> mine = ids(split.signals().get(person));
            List<Doc> background = newestFirst.stream().filter(s -> !mine.contains(s.id()))
                    .limit(ranker.params().negatives()).map(s -> compact(s, vocabulary)).toList();
            Set<String> authors = withAuthors ? split.signals().get(person).stream()
                    .flatMap(s -> s.authors().stream()).map(FollowKeys::author).collect(Collectors.toSet()) : Set.of();
            List<Doc> liked = split.signals().get(person).stream().map(s -> compact(s, vocabulary)).toList();
            models.put(person, ranker.train(new Signals(liked, List.of(), authors), background, vocabulary));
        }
        return models;
    }

    /** The product's ranking with trained models (see {@link #train}). */
    public MethodResult ranked(String method, RecommendSplit split, ForYouRanker ranker,
                               Map<String, PersonalModel> models) {
        Vocabulary vocabulary = models.isEmpty() ? null : models.values().iterator().next().features().vocabulary();
        List<Candidate> candidates = split.candidates().stream().map(s -> new Candidate(s.id(),
                vocabulary == null ? doc(s) : compact(s, vocabulary),
                Math.log1p(s.upvotes()), s.authors().stream().map(FollowKeys::author).toList())).toList();
        return score(method, ranker.params().tag(), split, person ->
                ranker.rank(models.get(person), candidates).stream().map(RankedPaper::id).toList());
    }

    private static Set<String> ids(List<Submission> papers) {
        Set<String> ids = new HashSet<>();
        for (Submission s : papers) ids.add(s.id());
        return ids;
    }

    /** Candidate ids by descending score (ties: the candidates' order). */
    private static List<String> byScore(List<Submission> candidates, java.util.function.IntToDoubleFunction score) {
        Integer[] order = new Integer[candidates.size()];
        double[] s = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            s[i] = score.applyAsDouble(i);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        List<String> ids = new ArrayList<>(order.length);
        for (int i : order) ids.add(candidates.get(i).id());
        return ids;
    }

    /** Scores a ranking function person by person. */
    static MethodResult score(String method, String tag, RecommendSplit split, Function<String, List<String>> rank) {
        List<String> people = split.people();
        double[] ndcg = new double[people.size()], recall = new double[people.size()], mrr = new double[people.size()];
        for (int p = 0; p < people.size(); p++) {
            Map<String, Integer> judged = new HashMap<>();
            for (String id : split.targets().get(people.get(p))) judged.put(id, 1);
            List<String> ranking = rank.apply(people.get(p));
            ndcg[p] = Metrics.ndcg(ranking, judged, MethodResult.NDCG_K);
            recall[p] = Metrics.recall(ranking, judged, MethodResult.RECALL_K);
            mrr[p] = Metrics.reciprocalRank(ranking, judged, Integer.MAX_VALUE);
        }
        return new MethodResult(method, tag, ndcg, recall, mrr);
    }
}
