package org.dailypapers.foryou;

import java.util.List;

/**
 * A person's ranked papers of one period.
 *
 * @param picks the top of the ranking, best first
 * @param total how many papers the period has (the hidden "not interested" ones excluded)
 * @param personal whether the person has told us anything yet (false: cold start, ranked by the community)
 * @param blendPercent the blend used: 0 = only like mine .. 100 = only like everyone's
 */
public record ForYouList(List<Pick> picks, int total, boolean personal, int blendPercent) {
    public ForYouList {
        picks = List.copyOf(picks);
    }
}
