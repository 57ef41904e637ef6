package org.dailypapers.claims;

/** Where an authorship claim stands. Stored lower-case in {@code authorship_claim.status}. */
public enum ClaimStatus {
    /** Waiting for an administrator. */
    PENDING,
    /** The name is the claimant's: it links to their profile. */
    ACCEPTED,
    /** Refused by an administrator, with a reason the claimant sees. */
    REJECTED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static ClaimStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
