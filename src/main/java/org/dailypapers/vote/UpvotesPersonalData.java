package org.dailypapers.vote;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dailypapers.account.PersonalData;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * A person's upvotes. Erasing them takes each one off its paper's {@code local_upvotes} in the same
 * transaction as the rows, so shown counts stay equal to the votes left (as {@link VoteRepository} keeps them).
 */
public final class UpvotesPersonalData implements PersonalData {
    private final Database database;

    public UpvotesPersonalData(Database database) {
        this.database = database;
    }

    @Override
    public String section() {
        return "votes";
    }

    @Override
    public Object export(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT arxiv_id, created_at FROM upvote WHERE account_id = :id ORDER BY created_at, arxiv_id")
                .bind("id", accountId).map((rs, ctx) -> {
                    Map<String, Object> vote = new LinkedHashMap<>();
                    vote.put("paper", rs.getString(1));
                    vote.put("votedAt", Instant.ofEpochMilli(rs.getLong(2)).toString());
                    return vote;
                }).list());
    }

    @Override
    public void erase(Handle h, String accountId) {
        // The counter first, while the rows still say which papers: one step down per vote (a person has one per paper).
        h.createUpdate("UPDATE feed_entry SET local_upvotes = local_upvotes - 1"
                        + " WHERE arxiv_id IN (SELECT arxiv_id FROM upvote WHERE account_id = :id)")
                .bind("id", accountId).execute();
        h.createUpdate("DELETE FROM upvote WHERE account_id = :id").bind("id", accountId).execute();
    }
}
