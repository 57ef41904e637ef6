package org.dailypapers.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Small formatting functions the templates call. Pure and thread-safe. */
public final class Views {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

    private Views() {}

    /** The author page of a name (AuthorRoutes), with the name percent-encoded as a path segment. */
    public static String authorPath(String name) {
        return "/authors/" + java.net.URLEncoder.encode(name.strip(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String authorCount(List<String> authors) {
        return authors.size() == 1 ? "1 author" : authors.size() + " authors";
    }

    /** The UTC calendar day of an arXiv timestamp, e.g. "Jun 13, 2024". */
    public static String day(Instant instant) {
        return DAY.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
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
        return text.substring(0, cut > max / 2 ? cut : max).stripTrailing() + " …";
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
