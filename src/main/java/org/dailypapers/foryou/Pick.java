package org.dailypapers.foryou;

import java.util.List;
import org.dailypapers.paper.FeedPaper;

/**
 * A paper on a person's for-you list.
 *
 * @param reasons why it is there, best first ("like 3 papers you upvoted", "from an author you follow: ...",
 *     "trending"); never empty
 */
public record Pick(FeedPaper paper, RankedPaper rank, List<String> reasons) {
    public Pick {
        reasons = List.copyOf(reasons);
    }
}
