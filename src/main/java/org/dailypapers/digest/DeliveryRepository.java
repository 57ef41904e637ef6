package org.dailypapers.digest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The rows of {@code digest_delivery}: every state change is one conditional statement, so of two runs
 * racing for a row exactly one wins (see {@link DigestSender} for the state machine). Thread-safe.
 */
final class DeliveryRepository {
    static final String CLAIMED = "claimed";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String BOUNCED = "bounced";

    private final Database database;

    DeliveryRepository(Database database) {
        this.database = database;
    }

    /**
     * Claims for {@code run} the deliveries of these addresses that nobody holds: rows that do not exist yet,
     * FAILED ones, CLAIMED ones older than {@code staleBefore} (their run died) and, when
     * {@code resendUncertain}, SENDING ones older than that. One transaction.
     *
     * @return the state of every address's row afterwards, by address; CLAIMED with {@code run} means ours
     */
    Map<String, Row> claim(List<String> emails, String periodKey, String run, long now, long staleBefore, boolean resendUncertain) {
        return database.jdbi().inTransaction(h -> {
            PreparedBatch insert = h.prepareBatch("INSERT INTO digest_delivery (email, period_key, state, run_id, claimed_at)"
                    + " VALUES (:email, :key, 'claimed', :run, :now) ON CONFLICT (email, period_key) DO NOTHING");
            emails.forEach(e -> insert.bind("email", e).bind("key", periodKey).bind("run", run).bind("now", now).add());
            insert.execute();
            h.createUpdate("UPDATE digest_delivery SET state = 'claimed', run_id = :run, claimed_at = :now"
                            + " WHERE period_key = :key AND email IN (<emails>) AND (state = 'failed'"
                            + " OR (state = 'claimed' AND claimed_at < :stale AND run_id <> :run)"
                            + (resendUncertain ? " OR (state = 'sending' AND claimed_at < :stale AND run_id <> :run)" : "") + ")")
                    .bindList("emails", emails).bind("key", periodKey).bind("run", run).bind("now", now).bind("stale", staleBefore)
                    .execute();
            Map<String, Row> rows = new HashMap<>();
            h.createQuery("SELECT email, state, run_id, claimed_at FROM digest_delivery WHERE period_key = :key AND email IN (<emails>)")
                    .bindList("emails", emails).bind("key", periodKey)
                    .map((rs, ctx) -> new Row(rs.getString("email"), rs.getString("state"), rs.getString("run_id"), rs.getLong("claimed_at")))
                    .forEach(r -> rows.put(r.email(), r));
            return rows;
        });
    }

    /**
     * CLAIMED by {@code run} becomes SENDING, only while the subscription is still confirmed (an unsubscribe
     * during the run wins). False when the claim was taken over or the subscriber left: do not send.
     */
    boolean startSending(String email, String periodKey, String run, long now) {
        return database.jdbi().withHandle(h -> h.createUpdate("UPDATE digest_delivery SET state = 'sending', claimed_at = :now,"
                        + " attempts = attempts + 1 WHERE email = :email AND period_key = :key AND run_id = :run AND state = 'claimed'"
                        + " AND EXISTS (SELECT 1 FROM digest_subscription s WHERE s.email = digest_delivery.email AND s.status = 'confirmed')")
                .bind("email", email).bind("key", periodKey).bind("run", run).bind("now", now).execute()) > 0;
    }

    /** SENDING by {@code run} becomes {@code state} (SENT, BOUNCED, FAILED, or CLAIMED again before a retry). */
    void finish(String email, String periodKey, String run, String state, long now, String error) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE digest_delivery SET state = :state, claimed_at = :now,"
                        + " sent_at = CASE WHEN :state = 'sent' THEN :now ELSE sent_at END, error = :error"
                        + " WHERE email = :email AND period_key = :key AND run_id = :run AND state = 'sending'")
                .bind("email", email).bind("key", periodKey).bind("run", run).bind("state", state).bind("now", now)
                .bind("error", clip(error)).execute());
    }

    /** Gives back what {@code run} claimed but never started (a run stopping early), so the next run needs no wait. */
    int release(String periodKey, String run) {
        return database.jdbi().withHandle(h -> h.createUpdate(
                        "DELETE FROM digest_delivery WHERE period_key = :key AND run_id = :run AND state = 'claimed'")
                .bind("key", periodKey).bind("run", run).execute());
    }

    /** How many rows of the period are in each state: for reports and tests. */
    Map<String, Integer> countByState(String periodKey) {
        Map<String, Integer> counts = new HashMap<>();
        database.jdbi().useHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM digest_delivery WHERE period_key = :key GROUP BY state")
                .bind("key", periodKey)
                .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    static String clip(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    /** A delivery row as read back after claiming. */
    record Row(String email, String state, String run, long claimedAt) {}
}
