package org.dailypapers.cite;

/**
 * Escapes text for a braced BibTeX field. What is already TeX is kept: a command ({@code \alpha},
 * {@code \"o}, {@code \&}) and, where asked, inline math between dollar signs whose braces pair up. Outside
 * them {@code & % # _} get a backslash, {@code ~ ^} become text commands, a backslash that starts no command
 * becomes {@code \textbackslash{}}, an unpaired {@code $} becomes {@code \$}, and braces are kept only when
 * all of them pair up (else every one is escaped): an unbalanced brace would end the field or the entry.
 */
final class TexText {
    private TexText() {}

    static String escape(String text, boolean math) {
        String kept = escape(text, math, balanced(text));
        // A formula whose braces do not pair up is escaped while the braces around it were kept: escape all then.
        return balanced(kept) ? kept : escape(text, math, false);
    }

    private static String escape(String text, boolean math, boolean keepBraces) {
        boolean pairedDollars = math && unescapedDollars(text) % 2 == 0;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i = command(text, i, out);
            } else if (c == '$' && pairedDollars) {
                int close = closingDollar(text, i + 1);
                String formula = text.substring(i, close + 1);
                if (balanced(formula)) {
                    out.append(formula);
                } else {
                    out.append("\\$").append(escape(formula.substring(1, formula.length() - 1), false)).append("\\$");
                }
                i = close + 1;
            } else {
                switch (c) {
                    case '&', '%', '#', '_', '$' -> out.append('\\').append(c);
                    case '~' -> out.append("\\textasciitilde{}");
                    case '^' -> out.append("\\textasciicircum{}");
                    case '{', '}' -> out.append(keepBraces ? "" : "\\").append(c);
                    default -> out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the command at {@code i} (a backslash) and returns where the text goes on. */
    private static int command(String text, int i, StringBuilder out) {
        if (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))) {
            out.append("\\textbackslash{}");
            return i + 1;
        }
        int end = i + 1;
        if (isAsciiLetter(text.charAt(end))) {
            while (end < text.length() && isAsciiLetter(text.charAt(end))) {
                end++;
            }
        } else {
            end++; // a one-character command: \" \& \$ and the escaped braces \{ \}, which never unbalance a field
        }
        out.append(text, i, end);
        return end;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int closingDollar(String text, int from) {
        for (int j = from; j < text.length(); j++) {
            if (text.charAt(j) == '\\') {
                j++;
            } else if (text.charAt(j) == '$') {
                return j;
            }
        }
        throw new IllegalStateException("dollars were counted as paired");
    }

    private static int unescapedDollars(String text) {
        int n = 0;
        for (int j = 0; j < text.length(); j++) {
            if (text.charAt(j) == '\\') {
                j++;
            } else if (text.charAt(j) == '$') {
                n++;
            }
        }
        return n;
    }

    /** Whether the unescaped braces of {@code text} pair up (never closing one that is not open). */
    private static boolean balanced(String text) {
        int depth = 0;
        for (int j = 0; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
