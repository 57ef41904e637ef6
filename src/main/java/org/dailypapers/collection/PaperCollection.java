package org.dailypapers.collection;

import java.time.Instant;

/**
 * A named list of papers a person keeps.
 *
 * @param id random, in URLs ({@code /collections/{id}})
 * @param ownerId the account that made it (never shown)
 * @param ownerHandle the owner's handle, for links to {@code /users/{handle}}
 * @param ownerName the owner's display name, else their handle
 * @param description "" when none
 * @param isPublic whether anyone may see it; a private one is its owner's alone
 * @param size how many papers it holds
 */
public record PaperCollection(String id, String ownerId, String ownerHandle, String ownerName, String name, String description,
        boolean isPublic, int size, Instant createdAt, Instant updatedAt) {

    public boolean ownedBy(String accountId) {
        return ownerId.equals(accountId);
    }
}
