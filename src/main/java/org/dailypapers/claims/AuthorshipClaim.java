package org.dailypapers.claims;

import java.time.Instant;

/**
 * A person's claim to be one listed author of a paper.
 *
 * @param id random; what the withdraw, accept and reject forms name
 * @param handle the claimant's handle
 * @param paperTitle the paper's title, for lists of claims
 * @param authorName the name as the paper lists it
 * @param reason why it was rejected; null otherwise
 * @param decidedAt null while pending
 * @param decidedBy the administrator's address, or {@link Claims#VERIFIED_ADDRESS}; null while pending
 */
public record AuthorshipClaim(String id, String accountId, String handle, String arxivId, String paperTitle, String authorName,
        ClaimStatus status, String reason, Instant createdAt, Instant decidedAt, String decidedBy) {

    public boolean pending() {
        return status == ClaimStatus.PENDING;
    }

    public boolean accepted() {
        return status == ClaimStatus.ACCEPTED;
    }

    public boolean rejected() {
        return status == ClaimStatus.REJECTED;
    }
}
