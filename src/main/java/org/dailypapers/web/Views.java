package org.dailypapers.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small formatting functions the templates call. Pure and thread-safe. */
public final class Views {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);
    /** LaTeX's text-mode escapes of the characters it reserves, not after another backslash (as app.js reads them). */
    private static final Pattern TEX_ESCAPE = Pattern.compile("(?<!\\\\)\\\\([%&_#$])");

    private Views() {}

    /** The author page of a name (AuthorRoutes), with the name percent-encoded as a path segment. */
    public static String authorPath(String name) {
        return "/authors/" + java.net.URLEncoder.encode(name.strip(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String authorCount(List<String> authors) {
        return count(authors.size(), "author");
    }

    /** "1 upvote", "0 upvotes", "12 upvotes". */
    public static String upvotes(int n) {
        return count(n, "upvote");
    }

    /** "1 comment", "12 comments". */
    public static String comments(int n) {
        return count(n, "comment");
    }

    /** A count and an English noun that takes an "s" in the plural: "1 paper", "2 papers", "0 papers". */
    public static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** The UTC calendar day of an arXiv timestamp, e.g. "Jun 13, 2024". */
    public static String day(Instant instant) {
        return DAY.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** A span of days like {@link #day}: "Jun 10 – 16, 2024", "May 27 – Jun 2, 2024", "Dec 30, 2024 – Jan 5, 2025". */
    public static String dayRange(LocalDate first, LocalDate last) {
        if (first.getYear() != last.getYear()) {
            return day(first) + " – " + day(last);
        }
        String end = first.getMonth() == last.getMonth() ? Integer.toString(last.getDayOfMonth())
                : DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).format(last);
        return DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).format(first) + " – " + end + ", " + last.getYear();
    }

    public static String isoDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** "owner/repo" for a GitHub URL, else the URL without its scheme. */
    public static String repoName(String url) {
        String s = url.replaceFirst("^https?://(www\\.)?", "");
        s = s.startsWith("github.com/") ? s.substring("github.com/".length()) : s;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** 950, 1.2k, 12k. */
    public static String compact(int n) {
        if (n < 1000) {
            return Integer.toString(n);
        }
        return n < 10_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0) : (n / 1000) + "k";
    }

    /**
     * The start of a text, cut at a word boundary near {@code max} characters, for cards that show a few
     * lines of an abstract: sending whole abstracts would triple the page for text nobody sees.
     */
    public static String excerpt(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        String start = text.substring(0, cut > max / 2 ? cut : max);
        // a cut inside $...$ would leave an unpaired dollar: the page then shows the excerpt's math as source
        int open = unpairedDollar(start);
        if (open >= 0) {
            start = start.substring(0, open);
        }
        return start.stripTrailing() + " …";
    }

    /**
     * A title or abstract (LaTeX source) for where no KaTeX runs, such as the page's {@code <title>}: {@code \%},
     * {@code \&}, {@code \_}, {@code \#} and {@code \$} as the plain characters, inside formulas too (shown as
     * source there, {@code $50%$} reads better than {@code $50\%$}).
     */
    public static String plainText(String tex) {
        return TEX_ESCAPE.matcher(tex).replaceAll("$1");
    }

    /** The index of the last unescaped {@code $} when their number is odd, else -1. */
    private static int unpairedDollar(String text) {
        int count = 0;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '$' && (i == 0 || text.charAt(i - 1) != '\\')) {
                count++;
                last = i;
            }
        }
        return count % 2 == 1 ? last : -1;
    }

    /** A paper's item on a collection page, for links to it (an old-style id keeps its slash: an id may hold any character but space). */
    public static String collectionItemId(String arxivId) {
        return "paper-" + arxivId;
    }

    /** An organization's page; the name is one path segment, whatever characters it holds. */
    public static String organizationPath(String name) {
        return "/organizations/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A person's page ({@code /users/{handle}}); the handle is one path segment. */
    public static String userPath(String handle) {
        return "/users/" + java.net.URLEncoder.encode(handle, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The paper page's path; old-style ids keep their slash. */
    public static String paperPath(String arxivId) {
        return "/papers/" + arxivId;
    }
}
