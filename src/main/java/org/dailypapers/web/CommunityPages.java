package org.dailypapers.web;

import java.util.List;
import org.dailypapers.account.Account;
import org.dailypapers.curation.AuditEntry;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.PaperRecord;

/** The view models of the community screens (sign-in, votes, submissions, trending, profiles, curation). */
public final class CommunityPages {
    private CommunityPages() {}

    /**
     * The sign-in form; {@code sentTo} is set once a link was mailed.
     *
     * @param email what was typed ("" for none), kept in the field after a refusal
     * @param mailbox whether to point at {@code /dev/mailbox}: mail goes to the outbox and the visitor is on this machine
     * @param error why no link was sent, or null
     */
    public record SignInPage(String csrf, String email, String sentTo, String next, boolean mailbox, String error) {}

    /**
     * "Sign in as ...?": the button that uses the link; or, when the link cannot be used, why.
     *
     * @param error why the link cannot sign in (used, expired, unknown), or null; then token and email are empty
     */
    public record VerifyPage(String csrf, String token, String email, String next, String error) {
        /** Where to ask for a new link that still returns to {@code next}. */
        public String signInHref() {
            return AccountRoutes.signInHref(next);
        }
    }

    public record AccountPage(Account account, String csrf, boolean admin, boolean saved) {}

    /**
     * @param account null when signed out
     * @param signInHref the sign-in link, carrying the page the menu is on as where to return
     */
    public record MenuPage(Account account, String csrf, boolean admin, String signInHref) {}

    /**
     * A paper's upvote button.
     *
     * @param message announced to screen readers after a vote (null for none)
     */
    public record VoteWidget(String arxivId, int count, boolean voted, String message) {}

    /** @param halfLifeHours shown with the formula */
    public record TrendingPage(List<FeedPaper> papers, long halfLifeHours) {}

    /**
     * The submit form, empty or shown again after a refusal.
     *
     * @param signedIn false: the page asks to sign in first
     * @param paper what was typed ("" for none), kept in the field after a refusal
     * @param error why the last submission was refused, or null
     * @param onFeed the id of the paper the refusal is about when that paper is on the feed (linked), or null
     */
    public record SubmitPage(boolean signedIn, String csrf, int windowDays, int dailyLimit, String paper, String error, String onFeed) {}

    /** Tools for the viewer of a paper page: links for its submitter, curation for administrators. */
    public record PaperTools(String arxivId, String csrf, boolean submitter, boolean admin, boolean hidden, boolean featured,
            boolean submittedHere) {}

    /**
     * A person's page.
     *
     * @param account null for a Hugging Face name with no account here
     * @param submitted this page's part of the papers submitted ({@code submittedTotal} in all)
     * @param upvoted this page's part of the papers upvoted ({@code upvotedTotal} in all)
     * @param page from 1, of {@code pages}: the lists page together
     * @param claimed this page's part of the papers the person is an accepted author of ({@code claimedTotal} in all)
     */
    public record ProfilePage(String handle, Account account, List<FeedPaper> submitted, int submittedTotal,
            List<FeedPaper> upvoted, int upvotedTotal, int page, int pages, List<FeedPaper> claimed, int claimedTotal) {
        /** How many papers of each list earlier pages hold. */
        public int offset() {
            return (page - 1) * ProfileRoutes.PAGE_SIZE;
        }

        public String pageHref(int number) {
            return org.dailypapers.web.Views.userPath(handle) + (number == 1 ? "" : "?page=" + number);
        }
    }

    public record AuditPage(List<AuditEntry> entries, List<PaperRecord> hidden, String csrf) {}
}
