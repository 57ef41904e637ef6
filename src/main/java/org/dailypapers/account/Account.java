package org.dailypapers.account;

import java.time.Instant;
import java.util.Objects;
import org.dailypapers.mail.EmailAddress;

/**
 * A person who signed in at least once.
 *
 * @param id random, stable, never shown
 * @param handle URL-safe and unique, made from the email's local part: {@code /users/{handle}}
 * @param displayName chosen by the person; null until set
 */
public record Account(String id, EmailAddress email, String handle, String displayName, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The display name when set, the handle otherwise. */
    public String name() {
        return displayName != null ? displayName : handle;
    }
}
