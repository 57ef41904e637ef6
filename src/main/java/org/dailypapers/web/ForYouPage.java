package org.dailypapers.web;

import java.util.List;
import org.dailypapers.foryou.Follow;
import org.dailypapers.foryou.ForYouList;

/**
 * The {@code /for-you} screen: a person's ranked papers of a period, with the blend control, what they follow
 * and, on the first visit, the questions that get them started.
 *
 * @param period {@code day}, {@code week} or {@code month}
 * @param periodLabel e.g. "Aug 17 – 23, 2026"
 * @param isNew nothing told yet: the page asks for topics, categories or papers first
 * @param categories arXiv categories offered at the first visit, the period's most common first
 * @param inDigest whether the person asked for "For you" in their digest
 * @param digestNeed what that setting still needs to take effect (nothing when it is off)
 * @param email the account's address: the digest it adds to is the one sent there
 */
public record ForYouPage(String name, String csrf, String period, String periodLabel, ForYouList list, boolean isNew,
                         List<Follow> follows, List<String> categories, boolean inDigest, DigestNeed digestNeed, String email) {

    /** What "Add For you to my digest" waits for: a digest subscription at the account's address, or its confirmation. */
    public enum DigestNeed { NOTHING, SUBSCRIPTION, CONFIRMATION }

    /** One card's buttons and reasons. */
    public record Actions(String arxivId, String csrf, List<String> reasons, String state) {}

    /**
     * The "For you" menu of any card or paper page: what the visitor said about the paper, and the buttons.
     *
     * @param csrf null for a visitor who is not signed in: the menu asks them to sign in at {@code signInHref}
     * @param state {@code more}, {@code less} or {@code none}
     * @param message what to announce after a change, or null
     */
    public record Tune(String arxivId, String csrf, String signInHref, String state, String message) {}

    /** The follow button of an author or organization page. */
    public record FollowButton(String kind, String value, String label, boolean signedIn, boolean following,
                               String csrf, String message) {}

    /** Papers found at the first visit, each with an "I like this" button. */
    public record Found(String query, List<org.dailypapers.paper.PaperRecord> papers, String csrf) {}
}
