package org.dailypapers.syndication;

import org.dailypapers.account.Account;

/**
 * What a person's private feed lists: the composition root chooses one (see {@link OwnPapersFeedSource}); a
 * personal ranking plugs in here. Called on every fetch of the feed, from any thread.
 */
@FunctionalInterface
public interface PersonalFeedSource {
    /** The person's list; its {@link PaperList#pagePath()} is the HTML page of the same list. */
    PaperList papersFor(Account account);

    /** What the feed lists, in a sentence for the person's settings page. */
    default String describe() {
        return "Papers picked for you.";
    }
}
