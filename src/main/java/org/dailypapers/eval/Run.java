package org.dailypapers.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.search.ScoredPaper;

/**
 * The ranked results of one method for a set of queries: query id to results, best first.
 *
 * @param tag the method and its parameters, written as the run tag of a TREC run file
 */
public record Run(String tag, Map<String, List<ScoredPaper>> results) {

    public Run {
        Map<String, List<ScoredPaper>> copy = new LinkedHashMap<>();
        results.forEach((q, r) -> copy.put(q, List.copyOf(r)));
        results = Collections.unmodifiableMap(copy);
    }

    /** The ranked ids of a query; empty when the run has none. */
    public List<String> ranking(String query) {
        return results.getOrDefault(query, List.of()).stream().map(ScoredPaper::id).toList();
    }
}
