package org.dailypapers.search;

import java.util.List;

/**
 * A passage of a text with the words that matched a query marked. Parts are plain text (never markup): views
 * escape them and wrap the hits, e.g. in {@code <mark>}.
 *
 * @param leadingCut true when the passage starts inside the text; {@code trailingCut} likewise at its end
 */
public record Snippet(List<Part> parts, boolean leadingCut, boolean trailingCut) {
    public Snippet {
        parts = List.copyOf(parts);
    }

    /** A run of text; {@code hit} when it is a word the query matched. */
    public record Part(String text, boolean hit) {}
}
