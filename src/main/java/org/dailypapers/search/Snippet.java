package org.dailypapers.search;

import java.util.List;

/**
 * A passage of a text with the words that matched a query marked. Parts are plain text (never markup): views
 * escape them and wrap the hits, e.g. in {@code <mark>}.
 *
 * @param leadingCut true when the passage starts inside the text; {@code trailingCut} likewise at its end
 * @param math true when the text's LaTeX delimiters pair up, so that a page may render the passage's formulas,
 *     which it holds whole; false when they do not, and the passage must stay plain text, as the text does
 */
public record Snippet(List<Part> parts, boolean leadingCut, boolean trailingCut, boolean math) {
    public Snippet {
        parts = List.copyOf(parts);
    }

    /** A run of text; {@code hit} when it is a word the query matched. */
    public record Part(String text, boolean hit) {}
}
