package org.dailypapers.foryou;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/** The SQL of signals, follows and settings (tables {@code foryou_*}, migration V11). */
final class ForYouRepository {
    private final Database database;

    ForYouRepository(Database database) {
        this.database = database;
    }

    /** Records a signal; an {@code opened} never replaces an explicit one. */
    void signal(String account, String arxivId, SignalKind kind, Instant now) {
        String onConflict = kind == SignalKind.OPENED ? "DO NOTHING"
                : "DO UPDATE SET kind = excluded.kind, created_at = excluded.created_at";
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO foryou_signal (account_id, arxiv_id, kind, created_at)"
                        + " VALUES (:a, :p, :k, :t) ON CONFLICT (account_id, arxiv_id) " + onConflict)
                .bind("a", account).bind("p", arxivId).bind("k", kind.code()).bind("t", now.toEpochMilli()).execute());
    }

    boolean forget(String account, String arxivId) {
        return database.jdbi().withHandle(h -> h.createUpdate(
                        "DELETE FROM foryou_signal WHERE account_id = :a AND arxiv_id = :p")
                .bind("a", account).bind("p", arxivId).execute()) > 0;
    }

    /** Paper id to signal, newest first. */
    Map<String, SignalKind> signals(String account) {
        Map<String, SignalKind> out = new LinkedHashMap<>();
        database.jdbi().useHandle(h -> h.createQuery("SELECT arxiv_id, kind FROM foryou_signal WHERE account_id = :a"
                        + " ORDER BY created_at DESC, arxiv_id").bind("a", account)
                .map((rs, ctx) -> Map.entry(rs.getString(1), SignalKind.of(rs.getString(2))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** What the person said about one paper. */
    Optional<SignalKind> signal(String account, String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT kind FROM foryou_signal WHERE account_id = :a AND arxiv_id = :p")
                .bind("a", account).bind("p", arxivId).map((rs, ctx) -> SignalKind.of(rs.getString(1))).findOne());
    }

    void follow(String account, FollowKind kind, String value, Instant now) {
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO foryou_follow (account_id, kind, follow_value, created_at)"
                        + " VALUES (:a, :k, :v, :t) ON CONFLICT (account_id, kind, follow_value) DO NOTHING")
                .bind("a", account).bind("k", kind.code()).bind("v", value).bind("t", now.toEpochMilli()).execute());
    }

    void unfollow(String account, FollowKind kind, String value) {
        database.jdbi().useHandle(h -> h.createUpdate(
                        "DELETE FROM foryou_follow WHERE account_id = :a AND kind = :k AND follow_value = :v")
                .bind("a", account).bind("k", kind.code()).bind("v", value).execute());
    }

    /** Everything the person follows, in the order they followed it. */
    List<Follow> follows(String account) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT kind, follow_value FROM foryou_follow"
                        + " WHERE account_id = :a ORDER BY created_at, kind, follow_value").bind("a", account)
                .map((rs, ctx) -> new Follow(FollowKind.of(rs.getString(1)), rs.getString(2))).list());
    }

    Optional<Settings> settings(String account) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT blend, in_digest FROM foryou_setting WHERE account_id = :a").bind("a", account)
                .map((rs, ctx) -> new Settings(rs.getInt(1), rs.getInt(2) == 1)).findOne());
    }

    void saveSettings(String account, Settings s, Instant now) {
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO foryou_setting (account_id, blend, in_digest, updated_at)"
                        + " VALUES (:a, :b, :d, :t) ON CONFLICT (account_id) DO UPDATE SET blend = excluded.blend,"
                        + " in_digest = excluded.in_digest, updated_at = excluded.updated_at")
                .bind("a", account).bind("b", s.blendPercent()).bind("d", s.inDigest() ? 1 : 0)
                .bind("t", now.toEpochMilli()).execute());
    }

    /** Accounts that asked for a "For you" section in their digest. */
    List<String> digestAccounts() {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT account_id FROM foryou_setting WHERE in_digest = 1 ORDER BY account_id").mapTo(String.class).list());
    }

    /** Everything of one person, for the export: signals, follows, settings. */
    Map<String, Object> export(String account) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> signals = new ArrayList<>();
        database.jdbi().useHandle(h -> h.createQuery("SELECT arxiv_id, kind, created_at FROM foryou_signal"
                        + " WHERE account_id = :a ORDER BY created_at, arxiv_id").bind("a", account)
                .map((rs, ctx) -> Map.<String, Object>of("paper", rs.getString(1), "kind", rs.getString(2),
                        "at", Instant.ofEpochMilli(rs.getLong(3)).toString()))
                .forEach(signals::add));
        out.put("signals", signals);
        out.put("follows", follows(account).stream()
                .map(f -> Map.of("kind", f.kind().code(), "value", f.value())).toList());
        out.put("settings", settings(account).map(s -> (Object) Map.of("blend", s.blendPercent(),
                "inDigest", s.inDigest())).orElse(Map.of()));
        return out;
    }

    static void erase(Handle h, String account) {
        for (String table : List.of("foryou_signal", "foryou_follow", "foryou_setting")) {
            h.createUpdate("DELETE FROM " + table + " WHERE account_id = :a").bind("a", account).execute();
        }
    }
}
