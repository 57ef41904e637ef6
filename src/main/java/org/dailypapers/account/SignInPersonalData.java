package org.dailypapers.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * Sessions and sign-in links: when each was made, used and expires. Never the hashes or CSRF tokens (a copy
 * of the export must sign nobody in).
 */
final class SignInPersonalData implements PersonalData {
    private final Database database;

    SignInPersonalData(Database database) {
        this.database = database;
    }

    @Override
    public String section() {
        return "signIn";
    }

    @Override
    public Object export(String accountId) {
        return database.jdbi().withHandle(h -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sessions", h.createQuery("SELECT created_at, expires_at FROM account_session WHERE account_id = :id ORDER BY created_at")
                    .bind("id", accountId).map((rs, ctx) -> times("createdAt", rs.getLong(1), "expiresAt", rs.getLong(2))).list());
            out.put("signInLinks", h.createQuery("SELECT l.created_at, l.used_at FROM sign_in_link l JOIN account a ON a.email = l.email"
                            + " WHERE a.id = :id ORDER BY l.created_at")
                    .bind("id", accountId).map((rs, ctx) -> times("sentAt", rs.getLong(1), "usedAt", rs.getLong(2))).list());
            return out;
        });
    }

    private static Map<String, Object> times(String first, long a, String second, long b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(first, Instant.ofEpochMilli(a).toString());
        m.put(second, b == 0 ? null : Instant.ofEpochMilli(b).toString());
        return m;
    }

    @Override
    public void erase(Handle h, String accountId) {
        h.createUpdate("DELETE FROM account_session WHERE account_id = :id").bind("id", accountId).execute();
        h.createUpdate("DELETE FROM sign_in_link WHERE email = (SELECT email FROM account WHERE id = :id)").bind("id", accountId).execute();
    }
}
