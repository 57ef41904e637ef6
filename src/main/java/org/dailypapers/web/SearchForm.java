package org.dailypapers.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.InvalidPeriodException;
import org.dailypapers.search.SearchRequest;

/**
 * The search parameters of a request: {@code q}, {@code from} and {@code to} (YYYY-MM-DD), {@code org},
 * {@code cat} (an arXiv category), {@code code} (yes or no). {@link #of} accepts only valid ones (else a 400
 * that says which and why); the search page takes them as typed and shows a {@link #problem()} beside them.
 */
public record SearchForm(String q, String from, String to, String org, String cat, String code) {
    static final int MAX_QUERY = 1_000;
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z-]{2,20}(\\.[A-Za-z-]{1,10})?");
    private static final Pattern ORG = Pattern.compile("[\\w.-]{1,200}");

    /**
     * What is wrong with a form, for the person who filled it in.
     *
     * @param fields the parameters at fault, the one to correct first first ({@code from} and {@code to} both
     *     when they are in the wrong order)
     */
    public record Problem(List<String> fields, String message) {
        /** Whether the parameter {@code name} is at fault: its input is marked invalid. */
        public boolean about(String name) {
            return fields.contains(name);
        }
    }

    /** The parameters, valid; else a 400 that names the first one wrong and why. */
    static SearchForm of(Context ctx) {
        SearchForm form = typed(ctx);
        Optional<Problem> problem = form.problem();
        if (problem.isPresent()) {
            throw HttpProblem.badRequest(problem.get().message());
        }
        return form;
    }

    /** The parameters as sent (trimmed), not checked: the search page shows them again beside a {@link #problem()}. */
    static SearchForm typed(Context ctx) {
        return new SearchForm(trim(ctx.queryParam("q")), trim(ctx.queryParam("from")), trim(ctx.queryParam("to")),
                trim(ctx.queryParam("org")), trim(ctx.queryParam("cat")), trim(ctx.queryParam("code")));
    }

    /** The first thing wrong with these parameters, if any. */
    Optional<Problem> problem() {
        if (q.length() > MAX_QUERY) {
            return problem("the query is " + q.length() + " characters long; at most " + MAX_QUERY, "q");
        }
        if (!cat.isEmpty() && !CATEGORY.matcher(cat).matches()) {
            return problem("cat must be an arXiv category such as cs.CL, not '" + PaperRoutes.shorten(cat) + "'", "cat");
        }
        if (!org.isEmpty() && !ORG.matcher(org).matches()) {
            return problem("org must be an organization handle such as google, not '" + PaperRoutes.shorten(org) + "'", "org");
        }
        if (!code.isEmpty() && !code.equals("yes") && !code.equals("no")) {
            return problem("code must be yes or no, not '" + PaperRoutes.shorten(code) + "'", "code");
        }
        Optional<Problem> date = dateProblem("from", from).or(() -> dateProblem("to", to));
        if (date.isPresent()) {
            return date;
        }
        LocalDate first = day(from);
        LocalDate last = day(to);
        if (first != null && last != null && first.isAfter(last)) {
            return problem("from " + from + " is after to " + to, "from", "to");
        }
        return Optional.empty();
    }

    private static Optional<Problem> dateProblem(String name, String text) {
        try {
            day(text);
            return Optional.empty();
        } catch (InvalidPeriodException e) {
            return problem(name + " " + e.getMessage(), name);
        }
    }

    private static Optional<Problem> problem(String message, String... fields) {
        return Optional.of(new Problem(List.of(fields), message));
    }

    boolean isEmpty() {
        return q.isEmpty() && !hasFilters();
    }

    SearchRequest request(int limit) {
        Boolean hasCode = code.isEmpty() ? null : code.equals("yes");
        // with filters, a query with nothing to search for lists what they select, as an empty box does
        String text = hasFilters() && nothingToSearchFor() ? "" : q;
        return new SearchRequest(text, day(from), day(to), org, cat, hasCode, limit);
    }

    /** A query without a letter or digit ("!!!", an invisible character): there is nothing to search for. */
    boolean nothingToSearchFor() {
        return !q.isEmpty() && q.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    private boolean hasFilters() {
        return !(org.isEmpty() && cat.isEmpty() && code.isEmpty() && from.isEmpty() && to.isEmpty());
    }

    /** The query string of this form (without paging), for links. */
    public String query() {
        StringBuilder s = new StringBuilder();
        append(s, "q", q);
        append(s, "from", from);
        append(s, "to", to);
        append(s, "org", org);
        append(s, "cat", cat);
        append(s, "code", code);
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (!value.isEmpty()) {
            s.append(s.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static LocalDate day(String text) {
        return text.isEmpty() ? null : FeedPeriod.parseDay(text).first();
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
