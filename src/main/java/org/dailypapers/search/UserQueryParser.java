package org.dailypapers.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits what a user typed into free text, quoted phrases, exclusions and fielded clauses
 * ({@code author:}, {@code org:}, {@code cat:}/{@code category:}, {@code title:}). It never fails: there are no
 * operators or brackets to unbalance, an unclosed quote runs to the end, an unknown {@code field:} is free
 * text, and the input is cut at {@value #MAX_CHARS} characters and {@value #MAX_CLAUSES} clauses, so no
 * query can make Lucene exceed its clause limit. Stateless and thread-safe.
 */
public final class UserQueryParser {

    static final int MAX_CHARS = 1_000;
    static final int MAX_CLAUSES = 32;
    /** At most this many words of an unquoted author name after the first ("Juan Carlos Niebles Duque"). */
    static final int MAX_NAME_WORDS = 3;
    private static final java.util.Set<String> AUTHOR_FIELDS = java.util.Set.of("author", "authors", "au");

    public ParsedQuery parse(String input) {
        String q = input == null ? "" : input.length() > MAX_CHARS ? input.substring(0, MAX_CHARS) : input;
        StringBuilder text = new StringBuilder();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        int clauses = 0;
        int i = 0;
        int n = q.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(q.charAt(i))) i++;
            if (i >= n) break;
            boolean negate = q.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1));
            if (negate) i++;
            String field = null;
            int colon = fieldEnd(q, i);
            if (colon > i) {
                field = q.substring(i, colon).toLowerCase(Locale.ROOT);
                i = colon + 1;
            }
            String value;
            boolean quoted = i < n && q.charAt(i) == '"';
            if (quoted) {
                int close = q.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                value = q.substring(i + 1, end);
                i = close < 0 ? n : close + 1;
            } else {
                int end = wordEnd(q, i);
                if (!negate && field != null && AUTHOR_FIELDS.contains(field) && startsName(q, i)) {
                    end = nameEnd(q, end);
                }
                value = q.substring(i, end);
                i = end;
            }
            value = value.strip();
            if (value.isEmpty()) {
                if (field != null) text.append(' ').append(field);
                continue;
            }
            if (++clauses > MAX_CLAUSES) {
                break;
            }
            String target = field == null ? "" : field;
            if (negate) {
                excluded.add(value);
                continue;
            }
            switch (target) {
                case "author", "authors", "au" -> authors.add(value.replaceAll("\\s+", " "));
                case "title", "ti" -> titles.add(value);
                case "org", "organization" -> orgs.add(value.toLowerCase(Locale.ROOT));
                case "cat", "category" -> cats.add(value.toLowerCase(Locale.ROOT));
                case "" -> {
                    if (quoted) phrases.add(value);
                    else text.append(' ').append(value);
                }
                default -> text.append(' ').append(field).append(' ').append(value);
            }
        }
        return new ParsedQuery(text.toString().strip(), phrases, excluded, authors, titles, orgs, cats);
    }

    private static int wordEnd(String q, int start) {
        int end = start;
        while (end < q.length() && !Character.isWhitespace(q.charAt(end))) end++;
        return end;
    }

    /**
     * Where an unquoted author name that began with the word ending at {@code end} ends. arXiv and Hugging
     * Face read {@code author:Ziwei Liu} as the person Ziwei Liu, so the capitalised words that follow
     * (up to {@value #MAX_NAME_WORDS}) belong to the name; a lower-case word, a {@code field:}, a quote or a
     * minus ends it. So {@code author:Hinton dropout} is Hinton's papers about dropout, while a capitalised
     * topic right after a name needs quotes around the name ({@code author:"Hinton" Dropout}).
     */
    private static int nameEnd(String q, int end) {
        int words = 0;
        while (words < MAX_NAME_WORDS) {
            int next = end;
            while (next < q.length() && Character.isWhitespace(q.charAt(next))) next++;
            if (next == end || !startsName(q, next) || fieldEnd(q, next) > next) {
                return end;
            }
            end = wordEnd(q, next);
            words++;
        }
        return end;
    }

    /** Whether a name word starts at {@code i}: an upper-case (or title-case) letter. */
    private static boolean startsName(String q, int i) {
        if (i >= q.length()) {
            return false;
        }
        int cp = q.codePointAt(i);
        return Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /** Index of the colon ending a {@code word:} prefix at {@code start}, or -1. */
    private static int fieldEnd(String q, int start) {
        int i = start;
        while (i < q.length() && Character.isLetter(q.charAt(i))) i++;
        return i > start && i < q.length() && q.charAt(i) == ':' ? i : -1;
    }
}
