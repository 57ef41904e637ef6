package org.dailypapers.search;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether results are about a query at all, by its words: the hybrid ranking always fills its list (the
 * dense side finds a nearest neighbour for anything), so where a list must hold only papers that match
 * (a digest's topic section), results are kept only when BM25 finds them with every term of the query
 * ({@link Bm25Retriever#retrieveMatchingAll}). One rule, so that search's own "nothing relevant" check can
 * share it. Thread-safe.
 */
final class LexicalRelevance {
    private final Bm25Retriever bm25;

    LexicalRelevance(PaperIndex index) {
        this.bm25 = new Bm25Retriever(index, Bm25Params.DEFAULT);
    }

    /**
     * {@code results} of {@code request} without those that do not match it lexically, in their order.
     * Only papers within the request's filters are considered, so the check costs one conjunctive BM25 query
     * over them (at most {@link SearchRequest#MAX_LIMIT} hits).
     */
    List<ScoredPaper> keepRelevant(SearchRequest request, List<ScoredPaper> results) {
        if (results.isEmpty()) {
            return results;
        }
        Set<String> matching = bm25.retrieveMatchingAll(request.withLimit(SearchRequest.MAX_LIMIT)).stream()
                .map(ScoredPaper::id).collect(Collectors.toSet());
        return results.stream().filter(r -> matching.contains(r.id())).toList();
    }
}
