package org.dailypapers.claims;

import java.util.Set;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;

/**
 * Addresses known to belong to a paper's authors (e.g. from its PDF or a publisher's metadata). A claim by a
 * person whose verified address (the one they sign in with) is among them is accepted at once, without an
 * administrator. No source of such addresses exists yet, so the application uses {@link #NONE}.
 */
@FunctionalInterface
public interface PaperAddresses {
    /** Knows no address of any paper: every claim waits for an administrator. */
    PaperAddresses NONE = paper -> Set.of();

    /** The known author addresses of {@code paper}; empty when none are known. Never null. */
    Set<EmailAddress> of(ArxivId paper);
}
