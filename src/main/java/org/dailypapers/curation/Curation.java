package org.dailypapers.curation;

import java.time.Clock;
import java.util.List;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountConfig;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Refused.Reason;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.WriteFence;
import org.dailypapers.store.Database;

/**
 * What administrators (the addresses in {@link AccountConfig#admins()}) do to keep the feed clean: hide a
 * paper from the feed (or show it again), feature it, remove a paper submitted here. Every action is kept
 * in the audit log, in the same transaction. {@code afterChange} runs after each (the feed cache is dropped).
 * Thread-safe.
 */
public final class Curation {
    public static final int MAX_REASON = 500;

    private final CurationRepository repository;
    private final AccountConfig accounts;
    private final Clock clock;
    private final java.util.function.Consumer<ArxivId> afterChange;
    private final WriteFence fence;
    private final AuditLogRepository audit;

    /**
     * @param afterChange told of each paper an action changed (the feed cache and the search index follow:
     *     a removed submission leaves the feed, so its search document loses its feed day)
     * @param fence entered before an action's database write, left after {@code afterChange} ran
     */
    public Curation(Database database, AccountConfig accounts, Clock clock, java.util.function.Consumer<ArxivId> afterChange,
            WriteFence fence) {
        this.repository = new CurationRepository(database);
        this.accounts = accounts;
        this.clock = clock;
        this.afterChange = afterChange;
        this.fence = fence;
        this.audit = new AuditLogRepository(clock);
    }

    /**
     * Applies {@code action} to the paper, logged with the actor's address and the optional {@code reason}.
     *
     * @throws Refused FORBIDDEN for a non-administrator, NOT_FOUND when the paper is not on the feed (or, for
     *     a removal, was not submitted here), INVALID for an over-long reason
     */
    public void apply(Account actor, Action action, ArxivId paper, String reason) {
        requireAdmin(actor);
        String detail = reason == null || reason.isBlank() ? null : reason.strip();
        if (detail != null && detail.length() > MAX_REASON) {
            throw new Refused(Reason.INVALID, "Reason: at most " + MAX_REASON + " characters (got " + detail.length() + ").");
        }
        Runnable leave = fence.enter();
        try {
            if (!repository.apply(action, paper.value(), actor.email().value(), detail, nextId(), clock.instant())) {
                throw new Refused(Reason.NOT_FOUND, action == Action.REMOVE_SUBMISSION
                        ? "Paper " + paper + " was not submitted here, so there is no submission to remove (hide it instead)."
                        : "Paper " + paper + " is not on the feed.");
            }
            afterChange.accept(paper);
        } finally {
            leave.run();
        }
    }

    /** The audit log, for another capability to log what an administrator did there (after checking {@link #isAdmin}). */
    public AuditLogRepository audit() {
        return audit;
    }

    /** The latest actions, newest first. @throws Refused FORBIDDEN for a non-administrator */
    public List<AuditEntry> auditLog(Account viewer, int limit) {
        requireAdmin(viewer);
        return repository.log(limit);
    }

    /** Hidden papers, latest feed day first. @throws Refused FORBIDDEN for a non-administrator */
    public List<ArxivId> hidden(Account viewer, int limit) {
        requireAdmin(viewer);
        return repository.hidden(limit).stream().map(ArxivId::new).toList();
    }

    /** Whether the paper is on the feed and hidden / featured: {hidden, featured}; empty when not on the feed. */
    public java.util.Optional<boolean[]> flags(ArxivId paper) {
        return repository.flags(paper.value());
    }

    private String nextId() {
        return audit.nextId();
    }

    public boolean isAdmin(Account account) {
        return accounts.isAdmin(account);
    }

    private void requireAdmin(Account account) {
        if (!accounts.isAdmin(account)) {
            throw new Refused(Reason.FORBIDDEN, "Only administrators can curate the feed.");
        }
    }
}
