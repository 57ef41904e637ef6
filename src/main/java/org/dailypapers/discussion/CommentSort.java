package org.dailypapers.discussion;

import java.util.Optional;

/** How top-level comments are ordered (replies are always oldest first, under their comment). */
public enum CommentSort {
    OLDEST("oldest", "Oldest first"), TOP("top", "Most upvoted");

    private final String param;
    private final String label;

    CommentSort(String param, String label) {
        this.param = param;
        this.label = label;
    }

    /** The value of the {@code sort} query parameter. */
    public String param() {
        return param;
    }

    public String label() {
        return label;
    }

    /** The sort named by {@code raw}; oldest when {@code raw} is null or empty. */
    public static Optional<CommentSort> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of(OLDEST);
        }
        for (CommentSort s : values()) {
            if (s.param.equals(raw)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
