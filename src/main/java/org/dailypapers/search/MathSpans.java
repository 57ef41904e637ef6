package org.dailypapers.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a text holds LaTeX that the pages render with KaTeX: {@code $...$}, {@code $$...$$}, {@code \(...\)} and
 * {@code \[...\]}, by the rule of the pages' script (app.js): only when every kind of delimiter pairs up, since
 * an unpaired dollar ("costs $5") leaves the whole text plain there. A snippet must neither cut a formula in
 * two nor mark a word inside one: either would leave its source on the page instead of the formula.
 */
final class MathSpans {
    /** A formula, delimiters included: characters {@code [start, end)}. */
    record Span(int start, int end) {
        boolean contains(int offset) {
            return offset > start && offset < end;
        }
    }

    private final List<Span> spans;
    private final boolean wellFormed;

    private MathSpans(List<Span> spans, boolean wellFormed) {
        this.spans = spans;
        this.wellFormed = wellFormed;
    }

    static MathSpans of(String text) {
        if (!wellFormed(text)) {
            return new MathSpans(List.of(), false);
        }
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            String open = opening(text, i);
            if (open == null) {
                i++;
                continue;
            }
            String close = switch (open) {
                case "\\(" -> "\\)";
                case "\\[" -> "\\]";
                default -> open;
            };
            int end = unescaped(text, close, i + open.length());
            if (end < 0) {
                break;
            }
            spans.add(new Span(i, end + close.length()));
            i = end + close.length();
        }
        return new MathSpans(List.copyOf(spans), true);
    }

    /** True when the pages render this text's formulas: its delimiters pair up. */
    boolean wellFormed() {
        return wellFormed;
    }

    /** The formula that {@code offset} falls strictly inside, or null. */
    Span around(int offset) {
        for (Span s : spans) {
            if (s.contains(offset)) {
                return s;
            }
        }
        return null;
    }

    /** True when {@code [start, end)} overlaps a formula. */
    boolean overlaps(int start, int end) {
        for (Span s : spans) {
            if (start < s.end && end > s.start) {
                return true;
            }
        }
        return false;
    }

    private static String opening(String text, int i) {
        if (text.startsWith("$$", i) && !escaped(text, i)) {
            return "$$";
        }
        if (text.charAt(i) == '$' && !escaped(text, i)) {
            return "$";
        }
        if (text.startsWith("\\(", i) || text.startsWith("\\[", i)) {
            return text.substring(i, i + 2);
        }
        return null;
    }

    private static int unescaped(String text, String delimiter, int from) {
        int at = text.indexOf(delimiter, from);
        while (at >= 0 && delimiter.startsWith("$") && escaped(text, at)) {
            at = text.indexOf(delimiter, at + 1);
        }
        return at;
    }

    private static boolean escaped(String text, int i) {
        return i > 0 && text.charAt(i - 1) == '\\';
    }

    /** app.js's wellFormedMath: an even number of unescaped dollars, and each \( and \[ closed. */
    private static boolean wellFormed(String text) {
        int dollars = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '$' && !escaped(text, i)) {
                dollars++;
            }
        }
        return dollars % 2 == 0
                && count(text, "\\(") == count(text, "\\)")
                && count(text, "\\[") == count(text, "\\]");
    }

    private static int count(String text, String s) {
        int n = 0;
        for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length())) {
            n++;
        }
        return n;
    }
}
