package org.dailypapers.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.search.SearchRequest;

/**
 * A search feed's parameters: the search page's ({@link SearchForm}) plus {@code author} (a name, as
 * {@code author:"..."} in the query) and {@code min_upvotes}. Invalid values are a 400 that says which.
 */
record SearchFeedQuery(SearchForm form, String author, int minUpvotes) {
    static final int MAX_AUTHOR = 200;
    static final int MAX_UPVOTES = 1_000_000;

    static SearchFeedQuery of(Context ctx) {
        SearchForm form = SearchForm.of(ctx);
        String author = ctx.queryParam("author") == null ? "" : ctx.queryParam("author").strip();
        if (author.length() > MAX_AUTHOR || author.chars().anyMatch(c -> Character.isISOControl(c) || c == '"')) {
            throw HttpProblem.badRequest("author must be a name of at most " + MAX_AUTHOR + " characters, without quotes");
        }
        int minUpvotes = ApiRoutes.intParam(ctx, "min_upvotes", 0, 0, MAX_UPVOTES);
        if (form.isEmpty() && author.isEmpty()) {
            throw HttpProblem.badRequest("a search feed needs a query (q) or a filter: author, cat, org, code, from, to");
        }
        return new SearchFeedQuery(form, author, minUpvotes);
    }

    SearchRequest request(int limit) {
        SearchRequest request = form.request(limit);
        return author.isEmpty() ? request : request.withQuery((request.query() + " author:\"" + author + "\"").strip());
    }

    /** The search in words, for the feed's title: "“diffusion” by Jane Doe in cs.CV, at least 10 upvotes". */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!form.q().isEmpty()) {
            parts.add("“" + form.q() + "”");
        }
        if (!author.isEmpty()) {
            parts.add("by " + author);
        }
        if (!form.cat().isEmpty()) {
            parts.add("in " + form.cat());
        }
        if (!form.org().isEmpty()) {
            parts.add("from " + form.org());
        }
        if (!form.code().isEmpty()) {
            parts.add(form.code().equals("yes") ? "with code" : "without code");
        }
        if (!form.from().isEmpty()) {
            parts.add("since " + form.from());
        }
        if (!form.to().isEmpty()) {
            parts.add("until " + form.to());
        }
        String text = String.join(" ", parts);
        return minUpvotes > 0 ? text + ", at least " + Views.upvotes(minUpvotes) : text;
    }
}
