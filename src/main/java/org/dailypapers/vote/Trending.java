package org.dailypapers.vote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dailypapers.paper.FeedPaper;

/**
 * Trending: upvotes that lose half their weight every {@link #halfLife()}, so that new, quickly upvoted
 * papers rise and old ones fall.
 *
 * <pre>
 * score(p) = h(p) * 2^(-(now - f(p)) / T)  +  sum over local votes v on p of 2^(-(now - t(v)) / T)
 * </pre>
 * where h is the upvotes imported from Hugging Face (their times are unknown, so they count as cast when
 * the paper was put on the feed, f), t(v) is when a vote here was cast and T is the half-life. A vote cast
 * now is worth 1; one cast T ago, 1/2; 2T ago, 1/4. Ties keep the most recently put on the feed first.
 * Thread-safe.
 */
public final class Trending {
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofHours(24);

    private final VoteRepository votes;
    private final Duration halfLife;
    private final Clock clock;

    public Trending(Upvotes upvotes, Duration halfLife, Clock clock) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the trending half-life must be positive");
        }
        this.votes = upvotes.repository();
        this.halfLife = halfLife;
        this.clock = clock;
    }

    /** The current time of this ranking's clock. */
    public Instant now() {
        return clock.instant();
    }

    public Duration halfLife() {
        return halfLife;
    }

    /** {@code papers} ordered by score, highest first (a new list). */
    public List<Ranked> rank(List<FeedPaper> papers) {
        Instant now = clock.instant();
        Map<String, List<Instant>> local = votes.voteTimes(papers.stream()
                .filter(p -> p.entry() != null).map(p -> p.paper().id().value()).collect(Collectors.toSet()));
        return papers.stream()
                .filter(p -> p.entry() != null)
                .map(p -> {
                    List<Instant> cast = local.getOrDefault(p.paper().id().value(), List.of());
                    return new Ranked(p, score(p.entry().upvotes() - cast.size(), p.entry().submittedAt(), cast, now));
                })
                .sorted(Comparator.comparingDouble(Ranked::score).reversed()
                        .thenComparing(r -> r.paper().entry().submittedAt(), Comparator.reverseOrder())
                        .thenComparing(r -> r.paper().paper().id().value()))
                .toList();
    }

    /**
     * The formula above.
     *
     * @param imported upvotes without known times, counted as cast at {@code onFeed}
     */
    double score(int imported, Instant onFeed, List<Instant> localVotes, Instant now) {
        double score = Math.max(0, imported) * decay(onFeed, now);
        for (Instant cast : localVotes) {
            score += decay(cast, now);
        }
        return score;
    }

    private double decay(Instant at, Instant now) {
        double ages = (double) Duration.between(at, now).toMillis() / halfLife.toMillis();
        return Math.pow(2, -Math.max(0, ages));
    }

    /** A paper and its trending score. */
    public record Ranked(FeedPaper paper, double score) {}
}
