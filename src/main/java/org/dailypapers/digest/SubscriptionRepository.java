package org.dailypapers.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dailypapers.digest.Subscription.Status;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.statement.StatementContext;

/** Subscriptions in the database (table {@code digest_subscription}). Thread-safe. */
final class SubscriptionRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String SELECT = "SELECT email, period, topics, status, created_at, confirm_sent_at FROM digest_subscription";

    private final Database database;
    private final Clock clock;

    SubscriptionRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    Optional<Subscription> find(EmailAddress email) {
        return database.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE email = :email")
                .bind("email", email.value()).map(SubscriptionRepository::map).findOne());
    }

    /** Creates or replaces the subscription of this address as PENDING with these settings. */
    void savePending(EmailAddress email, DigestPeriod period, Topics topics) {
        long now = clock.millis();
        database.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO digest_subscription (email, period, topics, status, created_at, updated_at)
                VALUES (:email, :period, :topics, 'pending', :now, :now)
                ON CONFLICT (email) DO UPDATE SET period = excluded.period, topics = excluded.topics,
                    status = 'pending', bounce_reason = NULL, updated_at = excluded.updated_at""")
                .bind("email", email.value()).bind("period", period.id()).bind("topics", json(topics))
                .bind("now", now).execute());
    }

    void confirmSent(EmailAddress email) {
        update("UPDATE digest_subscription SET confirm_sent_at = :now WHERE email = :email", email);
    }

    /** PENDING becomes CONFIRMED; other states are left alone. Returns whether it changed. */
    boolean confirm(EmailAddress email) {
        return update("UPDATE digest_subscription SET status = 'confirmed', updated_at = :now"
                + " WHERE email = :email AND status = 'pending'", email) > 0;
    }

    /** Changes the settings of a CONFIRMED subscription. Returns whether there was one. */
    boolean change(EmailAddress email, DigestPeriod period, Topics topics) {
        return database.jdbi().withHandle(h -> h.createUpdate("UPDATE digest_subscription SET period = :period,"
                        + " topics = :topics, updated_at = :now WHERE email = :email AND status = 'confirmed'")
                .bind("email", email.value()).bind("period", period.id()).bind("topics", json(topics))
                .bind("now", clock.millis()).execute()) > 0;
    }

    /** Any state but BOUNCED becomes UNSUBSCRIBED. Returns whether a subscription exists. */
    boolean unsubscribe(EmailAddress email) {
        update("UPDATE digest_subscription SET status = 'unsubscribed', updated_at = :now"
                + " WHERE email = :email AND status <> 'bounced'", email);
        return find(email).isPresent();
    }

    void bounced(EmailAddress email, String reason) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE digest_subscription SET status = 'bounced',"
                        + " bounce_reason = :reason, updated_at = :now WHERE email = :email")
                .bind("email", email.value()).bind("reason", DeliveryRepository.clip(reason)).bind("now", clock.millis())
                .execute());
    }

    /** A page of confirmed subscriptions of {@code period} with addresses after {@code after}, in address order. */
    List<Subscription> confirmedAfter(DigestPeriod period, String after, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(SELECT
                        + " WHERE period = :period AND status = 'confirmed' AND email > :after ORDER BY email LIMIT :limit")
                .bind("period", period.id()).bind("after", after).bind("limit", limit)
                .map(SubscriptionRepository::map).list());
    }

    int countConfirmed(DigestPeriod period) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM digest_subscription WHERE period = :period AND status = 'confirmed'")
                .bind("period", period.id()).mapTo(Integer.class).one());
    }

    private int update(String sql, EmailAddress email) {
        return database.jdbi().withHandle(h -> h.createUpdate(sql).bind("email", email.value()).bind("now", clock.millis()).execute());
    }

    private static Subscription map(ResultSet rs, StatementContext ctx) throws SQLException {
        long confirmSent = rs.getLong("confirm_sent_at");
        Optional<Instant> sent = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(confirmSent));
        try {
            return new Subscription(new EmailAddress(rs.getString("email")), DigestPeriod.parse(rs.getString("period")),
                    new Topics(JSON.readValue(rs.getString("topics"), STRINGS)),
                    Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                    Instant.ofEpochMilli(rs.getLong("created_at")), sent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt topics of " + rs.getString("email") + " in the database", e);
        }
    }

    private static String json(Topics topics) {
        try {
            return JSON.writeValueAsString(topics.queries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a list of strings", e);
        }
    }
}
