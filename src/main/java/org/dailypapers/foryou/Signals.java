package org.dailypapers.foryou;

import java.util.List;
import java.util.Set;

/**
 * What a person told us, as the ranker needs it.
 *
 * @param liked papers they upvoted, asked more of, opened from search, picked at cold start
 * @param disliked papers they marked "not interested"
 * @param follows {@link FollowKeys} followed (authors, organizations, categories; and the authors of liked
 *     papers, which the evaluation found to help)
 */
public record Signals(List<Doc> liked, List<Doc> disliked, Set<String> follows) {

    public Signals {
        liked = List.copyOf(liked);
        disliked = List.copyOf(disliked);
        follows = Set.copyOf(follows);
    }

    public boolean isEmpty() {
        return liked.isEmpty() && follows.isEmpty();
    }
}
