package org.dailypapers.submit;

import org.dailypapers.account.Account;
import org.dailypapers.paper.ArxivId;

/**
 * Whether a person is an accepted author of a paper: as on Hugging Face, authors may submit their own papers
 * whatever their age, so the submission window does not apply to them (the other rules do).
 */
@FunctionalInterface
public interface Authorship {
    /** Nobody is an author: every submission keeps to the window. */
    Authorship NONE = (account, paper) -> false;

    boolean isAuthor(Account account, ArxivId paper);
}
