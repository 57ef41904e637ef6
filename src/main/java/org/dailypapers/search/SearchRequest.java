package org.dailypapers.search;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One search: the user's query text plus structured filters. Filters restrict, never score.
 *
 * <p>The query text may use {@code author:name}, {@code author:"full name"}, {@code org:handle},
 * {@code cat:cs.CL}, {@code title:word}, {@code "exact phrase"} and {@code -excluded}; anything else is free
 * text, and no input makes a search fail (see {@link UserQueryParser}).
 *
 * @param query the user's text; may be empty (then only filters apply)
 * @param from first day included, or null
 * @param to last day included, or null
 * @param organization an organization handle (case-insensitive), or null
 * @param category an arXiv category such as {@code cs.CL} (case-insensitive), or null
 * @param hasCode TRUE or FALSE to require a code link or its absence, null for either
 * @param limit how many results at most, 1 to 10,000
 */
public record SearchRequest(
        String query, LocalDate from, LocalDate to, String organization, String category, Boolean hasCode, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public SearchRequest {
        query = query == null ? "" : query;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        organization = blankToNull(organization);
        category = blankToNull(category);
    }

    /** A plain query for the top {@code limit} results, without filters. */
    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, null, null, null, null, null, limit);
    }

    public SearchRequest withLimit(int newLimit) {
        return new SearchRequest(query, from, to, organization, category, hasCode, newLimit);
    }

    public SearchRequest withQuery(String newQuery) {
        return new SearchRequest(newQuery, from, to, organization, category, hasCode, limit);
    }

    public SearchRequest withDays(LocalDate newFrom, LocalDate newTo) {
        return new SearchRequest(query, newFrom, newTo, organization, category, hasCode, limit);
    }

    public SearchRequest withOrganization(String org) {
        return new SearchRequest(query, from, to, org, category, hasCode, limit);
    }

    public SearchRequest withCategory(String cat) {
        return new SearchRequest(query, from, to, organization, cat, hasCode, limit);
    }

    public SearchRequest withHasCode(Boolean code) {
        return new SearchRequest(query, from, to, organization, category, code, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
