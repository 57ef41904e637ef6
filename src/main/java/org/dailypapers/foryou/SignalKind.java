package org.dailypapers.foryou;

/** What a person said about one paper. */
public enum SignalKind {
    /** "More like this" on a card. */
    MORE,
    /** "Not interested" on a card: a negative example, and the paper is not shown again. */
    LESS,
    /** Chosen at the first visit, from a search. */
    PICKED,
    /** Opened from search results: a weak positive, replaced by any explicit choice. */
    OPENED;

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SignalKind of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether the paper counts as liked. */
    public boolean liked() {
        return this != LESS;
    }
}
