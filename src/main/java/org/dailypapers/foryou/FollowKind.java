package org.dailypapers.foryou;

/** What a person can follow. */
public enum FollowKind {
    AUTHOR, ORGANIZATION, CATEGORY, TOPIC;

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static FollowKind of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
