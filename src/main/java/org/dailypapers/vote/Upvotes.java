package org.dailypapers.vote;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.dailypapers.account.Account;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Refused.Reason;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.store.Database;

/**
 * Upvotes: one per person per paper on the feed. The count shown is the upvotes imported from Hugging Face
 * plus the votes cast here; both are exact under any number of concurrent votes. Thread-safe.
 *
 * <p>{@code afterChange} runs after every vote that changed a count (the web layer drops cached pages).
 */
public final class Upvotes {
    private final VoteRepository repository;
    private final Clock clock;
    private final Runnable afterChange;

    public Upvotes(Database database, Clock clock, Runnable afterChange) {
        this.repository = new VoteRepository(database);
        this.clock = clock;
        this.afterChange = afterChange;
    }

    /**
     * Sets {@code account}'s vote on {@code paper}: {@code up} adds it, otherwise removes it. Idempotent: a
     * second vote by the same person changes nothing (that is how vote stuffing is refused).
     *
     * @throws Refused NOT_FOUND when the paper is not on the feed (or was hidden)
     */
    public Tally vote(Account account, ArxivId paper, boolean up) {
        java.util.function.Supplier<java.util.Optional<Integer>> apply = () -> up
                ? repository.add(account.id(), paper.value(), clock.instant())
                : repository.remove(account.id(), paper.value());
        Integer count;
        try {
            count = apply.get().orElse(null);
        } catch (RuntimeException e) {
            // Two votes by one person at the same instant on PostgreSQL: the primary key refused the second,
            // which rolled back whole. Applying it again finds the first and changes nothing; a real failure
            // fails again and propagates.
            count = apply.get().orElse(null);
        }
        if (count == null) {
            throw new Refused(Reason.NOT_FOUND, "Paper " + paper + " is not on the feed, so it cannot be upvoted. Submit it first.");
        }
        afterChange.run();
        return new Tally(paper, count, up);
    }

    /** Every paper this person upvoted, most recent first (at most {@code limit}). */
    public List<ArxivId> votedBy(Account account, int limit) {
        return repository.votedBy(account.id(), limit).stream().map(ArxivId::new).toList();
    }

    /** The ids of the papers this person upvoted, the most recent {@code limit}. */
    public Set<String> votedIds(Account account, int limit) {
        return Set.copyOf(repository.votedBy(account.id(), limit));
    }

    /** The rows of local votes on this paper (what {@code local_upvotes} must equal). */
    public int localVotes(ArxivId paper) {
        return repository.countRows(paper.value());
    }

    VoteRepository repository() {
        return repository;
    }

    /** A paper's shown upvote count after a vote, and whether the voter's vote is now on it. */
    public record Tally(ArxivId paper, int count, boolean voted) {}
}
