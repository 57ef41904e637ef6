package org.dailypapers.account;

import org.jdbi.v3.core.Handle;

/**
 * One capability's share of what a person made (votes, comments, collections, claims, digest settings...).
 * The account's data export asks every registered part for its section, and deleting the account asks every
 * part to erase its rows inside one transaction, so a capability added later cannot be forgotten by either.
 */
public interface PersonalData {
    /** The key of this part in the export file, e.g. {@code "comments"}. */
    String section();

    /** What the person made, as JSON-ready values (records, maps, lists, strings, numbers). */
    Object export(String accountId);

    /**
     * Erases the person's rows, or anonymises them where others depend on them (a comment with replies becomes
     * "deleted"), keeping every shown count exact. Runs inside the account deletion's transaction.
     */
    void erase(Handle handle, String accountId);
}
