package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.search.Snippet;

/**
 * The search screen: the form as the user filled it, the hits of one page, about how many results there are
 * ({@code total}), and paging links (null where there is no such page). {@code notice} explains an empty or
 * refused query; null otherwise. {@code method} is the ranking's run tag, for the "About this ranking" note.
 * {@code problem} is what is wrong with the form's parameters (then nothing was searched), or null.
 */
public record SearchPage(SearchForm form, List<Hit> hits, int page, int total, String previousHref, String nextHref,
        String notice, String method, String warmingUp, SearchForm.Problem problem) {

    /** A search that ran ({@code warmingUp}: "semantic search warming up...", or null). */
    public SearchPage(SearchForm form, List<Hit> hits, int page, int total, String previousHref, String nextHref,
            String notice, String method, String warmingUp) {
        this(form, hits, page, total, previousHref, nextHref, notice, method, warmingUp, null);
    }

    /** Without the warming-up note. */
    public SearchPage(SearchForm form, List<Hit> hits, int page, int total, String previousHref, String nextHref,
            String notice, String method) {
        this(form, hits, page, total, previousHref, nextHref, notice, method, null);
    }

    /** The form as typed, with what is wrong with it; no search ran. */
    static SearchPage refused(SearchForm typed, SearchForm.Problem problem, String method) {
        return new SearchPage(typed, List.of(), 0, 0, null, null, null, method, null, problem);
    }

    /** The {@code aria-invalid} of the input for parameter {@code name}: "true" when the problem is about it, else none. */
    public String invalid(String name) {
        return problem != null && problem.about(name) ? "true" : null;
    }

    /** The {@code aria-describedby} of the input for parameter {@code name}: the problem's message when it is about it. */
    public String describedBy(String name) {
        return problem != null && problem.about(name) ? "search-error" : null;
    }

    /** Whether the input for parameter {@code name} has the focus: the query's, or the first one at fault. */
    public boolean focus(String name) {
        return problem == null ? name.equals("q") : problem.fields().getFirst().equals(name);
    }

    /**
     * The type of a date filter's input: {@code date}, or {@code text} for a value that is not a date, which a
     * browser would empty in a date input (so the person would not see what they are asked to correct).
     */
    public static String dateInputType(String value) {
        try {
            if (!value.isEmpty()) {
                java.time.LocalDate.parse(value);
            }
            return "date";
        } catch (java.time.format.DateTimeParseException e) {
            return "text";
        }
    }

    /** One result: the paper as a feed card (entry null when it was never on the feed) and its snippet. */
    public record Hit(FeedPaper paper, Snippet snippet) {}

    /** "About 1,240 papers", "1 paper": what the search found in all. */
    public String totalText() {
        return total == 1 ? "1 paper" : String.format(java.util.Locale.ROOT, "About %,d papers", total);
    }

    /**
     * On the last page, when fewer papers are ranked than match (the ranking covers the best few hundred; the
     * count covers every paper sharing a word with the query): how many were ranked and how to reach others.
     */
    public String rankedOnlyText() {
        int lastRank = firstRank() + hits.size() - 1;
        if (hits.isEmpty() || nextHref != null || lastRank >= total) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "That is the end of the ranking: the best %,d of about %,d matching papers. "
                + "Add words or filters (dates, organization, category) to reach others.", lastRank, total);
    }

    public int firstRank() {
        return page * SearchRoutes.PAGE_SIZE + 1;
    }
}
