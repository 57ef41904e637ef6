package org.dailypapers.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.search.SearchRequest;

/**
 * The search parameters of a request, validated: {@code q}, {@code from} and {@code to} (YYYY-MM-DD),
 * {@code org}, {@code cat} (an arXiv category), {@code code} (yes or no). Invalid values are a 400 that says
 * which and why.
 */
public record SearchForm(String q, String from, String to, String org, String cat, String code) {
    static final int MAX_QUERY = 1_000;
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z-]{2,20}(\\.[A-Za-z-]{1,10})?");
    private static final Pattern ORG = Pattern.compile("[\\w.-]{1,200}");

    static SearchForm of(Context ctx) {
        SearchForm form = new SearchForm(trim(ctx.queryParam("q")), trim(ctx.queryParam("from")), trim(ctx.queryParam("to")),
                trim(ctx.queryParam("org")), trim(ctx.queryParam("cat")), trim(ctx.queryParam("code")));
        form.validate();
        return form;
    }

    private void validate() {
        if (q.length() > MAX_QUERY) {
            throw HttpProblem.badRequest("the query is " + q.length() + " characters long; at most " + MAX_QUERY);
        }
        if (!cat.isEmpty() && !CATEGORY.matcher(cat).matches()) {
            throw HttpProblem.badRequest("cat must be an arXiv category such as cs.CL, not '" + PaperRoutes.shorten(cat) + "'");
        }
        if (!org.isEmpty() && !ORG.matcher(org).matches()) {
            throw HttpProblem.badRequest("org must be an organization handle such as google, not '" + PaperRoutes.shorten(org) + "'");
        }
        if (!code.isEmpty() && !code.equals("yes") && !code.equals("no")) {
            throw HttpProblem.badRequest("code must be yes or no, not '" + PaperRoutes.shorten(code) + "'");
        }
        LocalDate first = day(from);
        LocalDate last = day(to);
        if (first != null && last != null && first.isAfter(last)) {
            throw HttpProblem.badRequest("from " + from + " is after to " + to);
        }
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
