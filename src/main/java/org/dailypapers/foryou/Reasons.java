package org.dailypapers.foryou;

import java.util.ArrayList;
import java.util.List;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.paper.Paper;

/** Why a paper is on a person's list, in words a card can show: at most two reasons, the strongest first. */
final class Reasons {
    /** A standardised community score at least this high reads as "trending". */
    static final double TRENDING = 1.0;
    /** A standardised relevance at least this high reads as "close to what you like". */
    static final double CLOSE = 0.75;

    private Reasons() {}

    static List<String> of(Paper p, RankedPaper r, ForYou.Trained t, float[] vector, FeedPeriod period) {
        List<String> reasons = new ArrayList<>();
        followed(p, t).ifPresent(reasons::add);
        int upvoted = countSimilar(t.upvotedVectors(), vector);
        int liked = t.model().similarLiked(vector, ForYou.LIKE_SIMILARITY);
        if (upvoted > 0 && upvoted == liked) {
            reasons.add("like " + papers(upvoted) + " you upvoted");
        } else if (liked > 0) {
            reasons.add("like " + papers(liked) + " you liked");
        }
        if (reasons.isEmpty()) {
            p.authors().stream().filter(a -> t.likedAuthors().contains(FollowKeys.author(a))).findFirst()
                    .ifPresent(a -> reasons.add("by " + a + ", an author of papers you liked"));
        }
        if (r.community() >= TRENDING) {
            reasons.add("trending");
        }
        if (reasons.isEmpty() && r.relevance() >= CLOSE) {
            reasons.add("close to what you like");
        }
        if (reasons.isEmpty()) {
            reasons.add("on the feed this " + switch (period.kind()) {
                case DAY -> "day";
                case WEEK -> "week";
                case MONTH -> "month";
            });
        }
        return reasons.subList(0, Math.min(2, reasons.size()));
    }

    private static java.util.Optional<String> followed(Paper p, ForYou.Trained t) {
        for (String a : p.authors()) {
            if (t.followed().contains(FollowKeys.author(a))) return java.util.Optional.of("from an author you follow: " + a);
        }
        if (p.organization() != null && t.followed().contains(FollowKeys.organization(p.organization().name()))) {
            return java.util.Optional.of("from " + p.organization().displayName() + ", which you follow");
        }
        for (String c : p.categories()) {
            if (t.followed().contains(FollowKeys.category(c))) return java.util.Optional.of("in " + c + ", which you follow");
        }
        return java.util.Optional.empty();
    }

    private static int countSimilar(List<float[]> liked, float[] vector) {
        if (vector == null) return 0;
        int n = 0;
        for (float[] l : liked) {
            if (Vectors.dot(l, vector) >= ForYou.LIKE_SIMILARITY) n++;
        }
        return n;
    }

    private static String papers(int n) {
        return n == 1 ? "a paper" : n + " papers";
    }
}
