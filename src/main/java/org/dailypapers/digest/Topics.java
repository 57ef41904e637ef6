package org.dailypapers.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A subscriber's saved search queries: each gets a section of the digest with its best matches among the
 * period's new papers. At most {@value #MAX_COUNT} topics of at most {@value #MAX_LENGTH} characters, each
 * a single line without control characters (a topic is shown in mail, so a line break could forge content),
 * no duplicates (compared ignoring case). The empty list means no topic sections.
 */
public record Topics(List<String> queries) {
    public static final int MAX_COUNT = 5;
    public static final int MAX_LENGTH = 200;
    public static final Topics NONE = new Topics(List.of());

    public Topics {
        Objects.requireNonNull(queries, "queries");
        if (queries.size() > MAX_COUNT) {
            throw new IllegalArgumentException("at most " + MAX_COUNT + " topics, not " + queries.size());
        }
        List<String> clean = new ArrayList<>(queries.size());
        for (String q : queries) {
            String topic = check(q);
            if (clean.stream().anyMatch(t -> t.equalsIgnoreCase(topic))) {
                throw new IllegalArgumentException("topic '" + topic + "' is given twice");
            }
            clean.add(topic);
        }
        queries = List.copyOf(clean);
    }

    /**
     * The topics of a form's text box, one per line; blank lines are ignored. A line break here separates
     * topics, it never reaches one.
     */
    public static Topics fromLines(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() > MAX_COUNT) {
            throw new IllegalArgumentException("at most " + MAX_COUNT + " topics, not " + lines.size());
        }
        return new Topics(lines);
    }

    /** One topic per line, as {@link #fromLines} reads it. */
    public String asLines() {
        return String.join("\n", queries);
    }

    public boolean isEmpty() {
        return queries.isEmpty();
    }

    private static String check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a topic may not be empty");
        }
        String topic = raw.strip();
        if (topic.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new IllegalArgumentException("a topic may not contain line breaks or control characters");
        }
        if (topic.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a topic has at most " + MAX_LENGTH + " characters (one has " + topic.length() + ")");
        }
        return topic;
    }
}
