package org.dailypapers.claims;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountConfig;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Refused.Reason;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.store.Database;

/**
 * Authorship claims, as on Hugging Face: a signed-in person says which listed author of a paper they are; the
 * claim waits for an administrator, who accepts it or rejects it with a reason (both kept in the audit log),
 * unless the person's verified address is one {@link PaperAddresses} knows for the paper, which accepts it at
 * once. An accepted claim links that name to the person's profile on every page, and lets them submit the
 * paper outside the submission window. The claimant can withdraw a claim in any state.
 *
 * <p>{@code afterChange} runs after every change to the accepted claims (public pages show them: the shared
 * page caches are dropped). Thread-safe.
 */
public final class Claims {
    /** {@code decided_by} of a claim accepted because the claimant's address is known for the paper. */
    public static final String VERIFIED_ADDRESS = "verified address";
    public static final int MAX_REASON = 500;

    private final ClaimRepository repository;
    private final PaperRepository papers;
    private final AccountConfig accounts;
    private final PaperAddresses addresses;
    private final Clock clock;
    private final Runnable afterChange;
    private final SecureRandom random = new SecureRandom();
    private volatile ClaimedAuthors accepted;

    public Claims(Database database, PaperRepository papers, AccountConfig accounts, PaperAddresses addresses, Clock clock,
            Runnable afterChange) {
        this.repository = new ClaimRepository(database);
        this.papers = papers;
        this.accounts = accounts;
        this.addresses = addresses;
        this.clock = clock;
        this.afterChange = afterChange;
        this.accepted = new ClaimedAuthors(repository.accepted());
    }

    /**
     * Claims that {@code account} is the author listed as {@code authorName} on {@code paper}.
     *
     * @throws Refused NOT_FOUND for an unknown paper; INVALID when the name is not among its authors, when the
     *     person already claimed this paper (pending or accepted), or when someone else holds the name
     */
    public AuthorshipClaim claim(Account account, ArxivId paper, String authorName) {
        Paper p = papers.find(paper).orElseThrow(() -> new Refused(Reason.NOT_FOUND, "No paper " + paper + " here.")).paper();
        String typed = authorName == null ? "" : authorName.strip();
        String listed = p.authors().stream().filter(a -> ClaimedAuthors.normalise(a).equals(ClaimedAuthors.normalise(typed)))
                .findFirst().orElseThrow(() -> new Refused(Reason.INVALID, typed.isEmpty()
                        ? "Author: choose which of the paper's authors you are."
                        : "Author: '" + shorten(typed) + "' is not among the authors of " + paper
                                + ". Choose your name as the paper lists it."));
        boolean known = addresses.of(paper).contains(account.email());
        Instant now = clock.instant();
        String id = HexFormat.of().formatHex(randomBytes(16));
        switch (repository.insert(id, account.id(), paper.value(), listed, known ? ClaimStatus.ACCEPTED : ClaimStatus.PENDING, now,
                VERIFIED_ADDRESS)) {
            case DONE -> { }
            case ALREADY_CLAIMED -> throw new Refused(Reason.INVALID, "You have already claimed " + paper
                    + ": withdraw that claim first to claim another name.");
            case NAME_TAKEN -> throw new Refused(Reason.INVALID, "'" + listed + "' on " + paper + " is already claimed by someone else."
                    + " If that is wrong, write to the administrators.");
            case NOT_PENDING -> throw new IllegalStateException("not an outcome of a new claim");
        }
        if (known) {
            changed();
        }
        return repository.byId(id).orElseThrow();
    }

    /**
     * Withdraws the person's own claim (pending, accepted or rejected).
     *
     * @throws Refused NOT_FOUND when there is no such claim of theirs (someone else's id included)
     */
    public void withdraw(Account account, String claimId) {
        AuthorshipClaim gone = repository.delete(claimId == null ? "" : claimId, account.id())
                .orElseThrow(() -> new Refused(Reason.NOT_FOUND, "You have no such claim (it may have been withdrawn already)."));
        if (gone.accepted()) {
            changed();
        }
    }

    /** @throws Refused FORBIDDEN for a non-administrator; NOT_FOUND, INVALID as {@link #decide} */
    public AuthorshipClaim accept(Account admin, String claimId) {
        return decide(admin, claimId, ClaimStatus.ACCEPTED, null);
    }

    /** @throws Refused FORBIDDEN for a non-administrator; INVALID without a reason or with one too long */
    public AuthorshipClaim reject(Account admin, String claimId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new Refused(Reason.INVALID, "Reason: say why the claim is rejected (the claimant sees it).");
        }
        if (why.length() > MAX_REASON) {
            throw new Refused(Reason.INVALID, "Reason: at most " + MAX_REASON + " characters (got " + why.length() + ").");
        }
        return decide(admin, claimId, ClaimStatus.REJECTED, why);
    }

    private AuthorshipClaim decide(Account admin, String claimId, ClaimStatus decision, String reason) {
        requireAdmin(admin);
        AuthorshipClaim claim = repository.byId(claimId == null ? "" : claimId)
                .orElseThrow(() -> new Refused(Reason.NOT_FOUND, "No such claim (it may have been withdrawn)."));
        String detail = "'" + claim.authorName() + "' claimed by @" + claim.handle() + (reason == null ? "" : ": " + reason);
        Instant now = clock.instant();
        switch (repository.decide(claim, decision, reason, admin.email().value(), now, auditId(now), shorten(detail, 500))) {
            case DONE -> { }
            case NOT_PENDING -> throw new Refused(Reason.INVALID, "This claim was already " + claim.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (claim.pending() ? " meanwhile" : "") + ".");
            case NAME_TAKEN -> throw new Refused(Reason.INVALID, "'" + claim.authorName() + "' on " + claim.arxivId()
                    + " is already claimed by someone else: reject this claim, or have the other one withdrawn first.");
            case ALREADY_CLAIMED -> throw new IllegalStateException("not an outcome of a decision");
        }
        if (decision == ClaimStatus.ACCEPTED) {
            changed();
        }
        return repository.byId(claim.id()).orElseThrow();
    }

    /** Pending claims, oldest first. @throws Refused FORBIDDEN for a non-administrator */
    public List<AuthorshipClaim> pending(Account viewer, int limit) {
        requireAdmin(viewer);
        return repository.withStatus(ClaimStatus.PENDING, limit);
    }

    /** Accepted or rejected claims, the latest decisions first. @throws Refused FORBIDDEN for a non-administrator */
    public List<AuthorshipClaim> decided(Account viewer, ClaimStatus status, int limit) {
        requireAdmin(viewer);
        return repository.withStatus(status, limit);
    }

    /** The person's claims, newest first. */
    public List<AuthorshipClaim> of(Account account) {
        return repository.byAccount(account.id());
    }

    /** The person's claim on this paper, in whatever state. */
    public Optional<AuthorshipClaim> of(Account account, ArxivId paper) {
        return repository.of(account.id(), paper.value());
    }

    /** The papers the person is an accepted author of, newest claim first. */
    public List<ArxivId> papersOf(Account account) {
        return of(account).stream().filter(AuthorshipClaim::accepted).map(c -> new ArxivId(c.arxivId())).toList();
    }

    /** Whether the person holds an accepted claim on the paper (they may submit it outside the window). */
    public boolean isAcceptedAuthor(Account account, ArxivId paper) {
        return repository.acceptedAuthor(account.id(), paper.value());
    }

    /** Every accepted claim, for rendering names as links; replaced (never changed) after each change. */
    public ClaimedAuthors accepted() {
        return accepted;
    }

    /** Reads the accepted claims again and tells {@code afterChange}: after an account (and its claims) went. */
    public void changed() {
        accepted = new ClaimedAuthors(repository.accepted());
        afterChange.run();
    }

    public boolean isAdmin(Account account) {
        return accounts.isAdmin(account);
    }

    private void requireAdmin(Account account) {
        if (!accounts.isAdmin(account)) {
            throw new Refused(Reason.FORBIDDEN, "Only administrators can decide on authorship claims.");
        }
    }

    /** Audit ids sort by time, as the curation log's do; a random suffix keeps them apart. */
    private String auditId(Instant now) {
        return String.format("%019d", now.toEpochMilli() * 1000) + HexFormat.of().formatHex(randomBytes(3));
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String shorten(String text) {
        return shorten(text, 60);
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    /** For the account's data export and deletion. */
    ClaimRepository repository() {
        return repository;
    }
}
