package org.dailypapers.foryou;

import java.util.List;

/**
 * A paper that can be ranked for a person.
 *
 * @param doc its embedding and terms
 * @param community the crowd's signal, e.g. {@code log(1 + upvotes)} or the trending score
 * @param keys what a person can follow that this paper has: {@link FollowKeys} of its authors, organization
 *     and categories
 */
public record Candidate(String id, Doc doc, double community, List<String> keys) {

    public Candidate {
        keys = List.copyOf(keys);
    }
}
