package org.dailypapers.search;

import java.util.List;

/**
 * A ranking method: returns at most {@code request.limit()} papers matching the request's filters, best first.
 * Implementations are thread-safe and see the index as of its last refresh.
 */
public interface Retriever {

    List<ScoredPaper> retrieve(SearchRequest request);

    /** The method and its parameters, e.g. {@code bm25(k1=0.9,b=0.4)}: the run tag of an evaluation. */
    String tag();
}
