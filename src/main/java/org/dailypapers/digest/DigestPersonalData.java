package org.dailypapers.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dailypapers.account.PersonalData;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The digest subscription of the account's address (subscriptions are by address: whoever signs in with it
 * owns it) and the digests sent to it. Erasing removes both: nothing more is mailed to the address.
 */
public final class DigestPersonalData implements PersonalData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL_OF = "(SELECT email FROM account WHERE id = :id)";

    private final Database database;

    public DigestPersonalData(Database database) {
        this.database = database;
    }

    @Override
    public String section() {
        return "digest";
    }

    @Override
    public Object export(String accountId) {
        return database.jdbi().withHandle(h -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("subscription", h.createQuery("SELECT period, topics, status, created_at, updated_at FROM digest_subscription"
                            + " WHERE email = " + EMAIL_OF)
                    .bind("id", accountId).map((rs, ctx) -> {
                        Map<String, Object> s = new LinkedHashMap<>();
                        s.put("period", rs.getString(1));
                        s.put("topics", topics(rs.getString(2)));
                        s.put("status", rs.getString(3));
                        s.put("createdAt", Instant.ofEpochMilli(rs.getLong(4)).toString());
                        s.put("updatedAt", Instant.ofEpochMilli(rs.getLong(5)).toString());
                        return s;
                    }).findOne().orElse(null));
            out.put("deliveries", h.createQuery("SELECT period_key, state, sent_at FROM digest_delivery WHERE email = " + EMAIL_OF
                            + " ORDER BY claimed_at, period_key")
                    .bind("id", accountId).map((rs, ctx) -> {
                        Map<String, Object> d = new LinkedHashMap<>();
                        d.put("period", rs.getString(1));
                        d.put("state", rs.getString(2));
                        long sent = rs.getLong(3);
                        d.put("sentAt", rs.wasNull() ? null : Instant.ofEpochMilli(sent).toString());
                        return d;
                    }).list());
            return out;
        });
    }

    private static Object topics(String json) {
        try {
            return JSON.readValue(json, java.util.List.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("digest_subscription.topics is not a JSON array", e);
        }
    }

    @Override
    public void erase(Handle h, String accountId) {
        h.createUpdate("DELETE FROM digest_delivery WHERE email = " + EMAIL_OF).bind("id", accountId).execute();
        h.createUpdate("DELETE FROM digest_subscription WHERE email = " + EMAIL_OF).bind("id", accountId).execute();
    }
}
