package org.dailypapers.foryou;

import de.bwaldvogel.liblinear.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Ranks papers for one person: a per-person linear classifier over paper embeddings and tf-idf terms (authors
 * among them; see {@link FeatureSpace}) (positives: what they liked; negatives: what they turned down plus the
 * newest background papers), a bonus for papers by authors they follow,
 * and the community's signal, blended as {@code (1 - blend) * (relevance + followWeight * byFollowed) + blend *
 * community}, each standardised over the candidates. Thread-safe; training is the costly step, so callers cache
 * the {@link PersonalModel}.
 */
public final class ForYouRanker {

    private final RankerParams params;

    public ForYouRanker(RankerParams params) {
        this.params = params;
    }

    public RankerParams params() {
        return params;
    }

    /**
     * Trains a person's model with a vocabulary fitted on their papers and the background: for small corpora and
     * tests; the product and the evaluation fit one {@link Vocabulary} on the whole corpus and share it.
     */
    public PersonalModel train(Signals signals, List<Doc> background) {
        List<java.util.Map<String, Integer>> corpus = new ArrayList<>();
        signals.liked().forEach(d -> corpus.add(d.terms()));
        background.forEach(d -> corpus.add(d.terms()));
        if (corpus.contains(null)) throw new IllegalArgumentException("compact docs need the vocabulary they were made with");
        return train(signals, background, Vocabulary.fit(corpus, params.authorMinDf()));
    }

    /**
     * Trains a person's model. {@code background} are papers they did not pick (newest first; at most
     * {@link RankerParams#negatives} are used), none of them among the liked; the period being ranked belongs
     * in it, as arxiv-sanity-lite trains against every paper it knows.
     */
    public PersonalModel train(Signals signals, List<Doc> background, Vocabulary vocabulary) {
        List<Doc> negatives = new ArrayList<>(signals.disliked());
        negatives.addAll(background.subList(0, Math.min(params.negatives(), background.size())));
        List<Doc> all = new ArrayList<>(signals.liked());
        all.addAll(negatives);
        // without an embedding weight the model has no embedding columns (a model is cached per person)
        int dimension = params.embeddingWeight() == 0 ? 0
                : all.stream().filter(d -> d.vector() != null).findFirst().map(d -> d.vector().length).orElse(0);
        FeatureSpace space = new FeatureSpace(vocabulary, dimension, params.embeddingWeight());
        Optional<LinearClassifier> classifier = Optional.empty();
        if (!signals.liked().isEmpty() && !negatives.isEmpty()) {
            Feature[][] rows = new Feature[all.size()][];
            boolean[] positive = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = space.features(all.get(i));
                positive[i] = i < signals.liked().size();
            }
            classifier = Optional.of(LinearClassifier.train(rows, space.size(), positive, params.classifier()));
        }
        List<float[]> liked = signals.liked().stream().map(Doc::vector).filter(v -> v != null).toList();
        return new PersonalModel(classifier, space, signals.follows(), liked);
    }

    /** Ranks with the default blend. */
    public List<RankedPaper> rank(PersonalModel model, List<Candidate> candidates) {
        return rank(model, candidates, params.blend());
    }

    /** Ranks {@code candidates}, best first (ties: the order given). */
    public List<RankedPaper> rank(PersonalModel model, List<Candidate> candidates, double blend) {
        int n = candidates.size();
        double[] relevance = new double[n];
        double[] community = new double[n];
        boolean[] byFollowed = new boolean[n];
        double floor = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            community[i] = c.community();
            byFollowed[i] = c.keys().stream().anyMatch(model.follows()::contains);
            relevance[i] = model.score(c.doc());
            if (!Double.isNaN(relevance[i])) floor = Math.min(floor, relevance[i]);
        }
        for (int i = 0; i < n; i++) {
            // without a classifier (nothing liked yet) relevance is 0 for all: the community and follows decide
            if (Double.isNaN(relevance[i])) relevance[i] = floor == Double.POSITIVE_INFINITY ? 0 : floor;
        }
        double[] zr = Vectors.standardised(relevance);
        double[] zc = Vectors.standardised(community);
        List<RankedPaper> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double personal = zr[i] + (byFollowed[i] ? params.followWeight() : 0);
            ranked.add(new RankedPaper(candidates.get(i).id(), (1 - blend) * personal + blend * zc[i], zr[i], zc[i],
                    byFollowed[i]));
        }
        ranked.sort(Comparator.comparingDouble(RankedPaper::score).reversed());
        return ranked;
    }
}
