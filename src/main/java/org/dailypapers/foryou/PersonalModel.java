package org.dailypapers.foryou;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One person's trained model: the classifier and its features (absent until they like something), the
 * {@link FollowKeys} they follow and the embeddings of what they liked (for the cards' reasons). Immutable;
 * cached per person and replaced when their signals change.
 */
public record PersonalModel(Optional<LinearClassifier> classifier, FeatureSpace features, Set<String> follows,
                            List<float[]> liked) {

    public PersonalModel {
        follows = Set.copyOf(follows);
        liked = List.copyOf(liked);
    }

    /** The classifier's score of a paper; NaN without a classifier. */
    public double score(Doc doc) {
        return classifier.map(c -> features.score(c, doc)).orElse(Double.NaN);
    }

    /** How many liked papers are at least {@code threshold} cosine-similar to {@code vector} (unit vectors). */
    public int similarLiked(float[] vector, double threshold) {
        if (vector == null) return 0;
        int n = 0;
        for (float[] l : liked) {
            if (Vectors.dot(l, vector) >= threshold) n++;
        }
        return n;
    }
}
