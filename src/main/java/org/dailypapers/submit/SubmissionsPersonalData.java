package org.dailypapers.submit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dailypapers.account.PersonalData;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The papers a person submitted. Erasing keeps the papers on the feed (others voted on them) but stops naming
 * the person: their feed entries lose the submitter, and the submission rows go, including the tombstones of
 * submissions a curator removed.
 */
public final class SubmissionsPersonalData implements PersonalData {
    private final Database database;

    public SubmissionsPersonalData(Database database) {
        this.database = database;
    }

    @Override
    public String section() {
        return "submissions";
    }

    @Override
    public Object export(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT arxiv_id, submitted_at, removed_at FROM submission WHERE account_id = :id ORDER BY submitted_at, arxiv_id")
                .bind("id", accountId).map((rs, ctx) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("paper", rs.getString(1));
                    item.put("submittedAt", Instant.ofEpochMilli(rs.getLong(2)).toString());
                    long removed = rs.getLong(3);
                    item.put("removedByCuratorAt", rs.wasNull() ? null : Instant.ofEpochMilli(removed).toString());
                    return item;
                }).list());
    }

    @Override
    public void erase(Handle h, String accountId) {
        h.createUpdate("UPDATE feed_entry SET submitted_by = NULL"
                        + " WHERE arxiv_id IN (SELECT arxiv_id FROM submission WHERE account_id = :id)"
                        + " AND submitted_by = (SELECT handle FROM account WHERE id = :id)")
                .bind("id", accountId).execute();
        h.createUpdate("DELETE FROM submission WHERE account_id = :id").bind("id", accountId).execute();
    }
}
