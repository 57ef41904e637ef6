package org.dailypapers.web;

import java.util.List;
import org.dailypapers.claims.AuthorshipClaim;

/** The view models of authorship claims and of the account's data (export, deletion). */
public final class ClaimPages {
    private ClaimPages() {}

    /**
     * The claim box of a paper page, for one visitor (loaded by htmx: the page itself is shared).
     *
     * @param signInHref where signing in returns to this paper
     * @param claim the visitor's claim on the paper, or null
     * @param csrf null when signed out
     */
    public record ClaimBox(String arxivId, boolean signedIn, String signInHref, List<String> authors, AuthorshipClaim claim, String csrf) {}

    /** {@code /admin/claims}: the queue, oldest first, and the latest decisions. */
    public record AdminClaimsPage(List<AuthorshipClaim> pending, List<AuthorshipClaim> decided, String csrf) {}

    /**
     * The account page's part about the person's claims and data (loaded by htmx into {@code /account}).
     *
     * @param sections what the export holds besides the account, in order
     */
    public record YourData(List<AuthorshipClaim> claims, String csrf, boolean admin, List<String> sections) {}

    /**
     * "Delete your account": type the handle to confirm.
     *
     * @param error why the last attempt was refused, or null
     */
    public record DeletePage(String handle, String csrf, String error) {}
}
