package org.dailypapers.search;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Fuses a lexical and a dense ranking (see {@link FusionParams}, {@link ScoreFusion}), each cut at
 * {@code depth}. A paper that one side did not return gets that side's floor: nothing from it in RRF, its
 * minimum normalised score otherwise.
 * A paper that has no vector yet (the dense side cannot see it) is instead scored as if the dense side
 * agreed with the lexical one, so that freshly indexed papers are not buried while their vectors are being
 * computed. Ties break by id, so rankings are reproducible. Thread-safe.
 */
public final class HybridRetriever implements Retriever {

    private final Retriever lexical;
    private final Retriever dense;
    private final FusionParams params;
    private final Function<Set<String>, Set<String>> withoutVector;

    /**
     * @param withoutVector given some ids, returns those that have no vector (e.g.
     *     {@link PaperIndex#withoutVector})
     */
    public HybridRetriever(Retriever lexical, Retriever dense, FusionParams params,
            Function<Set<String>, Set<String>> withoutVector) {
        this.lexical = lexical;
        this.dense = dense;
        this.params = params;
        this.withoutVector = withoutVector;
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        SearchRequest deep = request.withLimit(Math.max(params.depth(), request.limit()));
        return fuse(lexical.retrieve(deep), dense.retrieve(deep), request.limit());
    }

    /**
     * Fuses two rankings (best first) and keeps the top {@code limit}. When one side is empty (e.g. a query of
     * filters only, which BM25 answers newest first and dense search not at all) the other side's ranking is
     * returned unchanged.
     */
    List<ScoredPaper> fuse(List<ScoredPaper> lexRanking, List<ScoredPaper> denseRanking, int limit) {
        if (lexRanking.isEmpty() || denseRanking.isEmpty()) {
            List<ScoredPaper> only = lexRanking.isEmpty() ? denseRanking : lexRanking;
            return only.size() > limit ? List.copyOf(only.subList(0, limit)) : only;
        }
        List<ScoredPaper> lex = ScoreFusion.top(lexRanking, params);
        List<ScoredPaper> den = ScoreFusion.top(denseRanking, params);
        Map<String, Double> l = ScoreFusion.normalise(lex, params);
        Map<String, Double> d = ScoreFusion.normalise(den, params);
        double lexFloor = ScoreFusion.floor(l, params);
        double denseFloor = ScoreFusion.floor(d, params);
        Set<String> lexOnly = new LinkedHashSet<>(l.keySet());
        lexOnly.removeAll(d.keySet());
        Set<String> blind = lexOnly.isEmpty() ? Set.of() : withoutVector.apply(lexOnly);
        double a = params.method() == FusionParams.Method.RRF ? 0.5 : params.denseWeight();
        Map<String, Double> fused = new HashMap<>();
        Set<String> all = new LinkedHashSet<>(l.keySet());
        all.addAll(d.keySet());
        for (String id : all) {
            double ls = l.getOrDefault(id, lexFloor);
            double ds = d.containsKey(id) ? d.get(id) : blind.contains(id) ? ls : denseFloor;
            fused.put(id, (1 - a) * ls + a * ds);
        }
        return ScoreFusion.sorted(fused, limit);
    }

    @Override
    public String tag() {
        return "hybrid[" + lexical.tag() + "|" + dense.tag() + "]+" + params.tag();
    }
}
