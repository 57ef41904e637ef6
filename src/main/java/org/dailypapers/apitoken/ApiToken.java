package org.dailypapers.apitoken;

import java.time.Instant;
import java.util.Objects;

/**
 * A personal API token as its owner sees it in the list: never its secret, which only its SHA-256 keeps.
 *
 * @param id random, names the token in revoke requests
 * @param lastUsedAt when it last authenticated a request; null when never
 */
public record ApiToken(String id, String name, Instant createdAt, Instant lastUsedAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
