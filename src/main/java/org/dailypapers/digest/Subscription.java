package org.dailypapers.digest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dailypapers.mail.EmailAddress;

/**
 * One address's subscription as stored.
 *
 * @param confirmSentAt when the last confirmation mail went out; empty when none did
 */
public record Subscription(EmailAddress email, DigestPeriod period, Topics topics, Status status, Instant createdAt,
        Optional<Instant> confirmSentAt) {

    /** Where a subscription stands; only {@link #CONFIRMED} ones get digests. */
    public enum Status {
        /** Asked for, waiting for the address's owner to follow the confirmation link. */
        PENDING,
        CONFIRMED,
        UNSUBSCRIBED,
        /** The mail server rejected the address permanently: nothing more is sent to it. */
        BOUNCED;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Subscription {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(confirmSentAt, "confirmSentAt");
    }
}
