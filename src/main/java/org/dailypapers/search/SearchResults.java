package org.dailypapers.search;

import java.util.List;

/**
 * The first results of a search and about how many there are in all.
 *
 * @param results best first, at most the request's limit
 * @param total about how many papers the search finds at any limit: those that match lexically, or as many as
 *     were returned when the dense side added more (an estimate: hidden papers are not subtracted)
 */
public record SearchResults(List<ScoredPaper> results, int total) {
    public SearchResults {
        results = List.copyOf(results);
        total = Math.max(total, results.size());
    }
}
