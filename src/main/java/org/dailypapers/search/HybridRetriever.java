package org.dailypapers.search;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.dailypapers.Futures;

/**
 * Fuses a lexical and a dense ranking (see {@link FusionParams}, {@link ScoreFusion}), each cut at
 * {@code depth}. A paper that one side did not return gets that side's floor: nothing from it in RRF, its
 * minimum normalised score otherwise.
 * A paper that has no vector yet (the dense side cannot see it) is instead scored as if the dense side
 * agreed with the lexical one, so that freshly indexed papers are not buried while their vectors are being
 * computed. Ties break by id, so rankings are reproducible.
 *
 * <p>The relevance rule (when {@link FusionParams#cuts()}): the lexical side returns only papers that share a
 * word with the query, but the dense side returns the nearest papers to anything, nonsense included. So when
 * no paper shares a word with the query (nonsense, or a badly misspelt query), a dense result is kept only if
 * its cosine to the query reaches {@link FusionParams#minDenseCosine()}; when some do, fusion ranks as before
 * (a real query keeps its semantic matches, which often share no word with it). And when the query has clauses
 * the dense side cannot check (an author, a title word, a quoted phrase, an exclusion) only lexical matches
 * are kept. Calibration: docs/EVAL.md. Thread-safe.
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

    private final UserQueryParser parser = new UserQueryParser();

    /**
     * The dense side (query encoding, then the HNSW search) runs here while the calling thread runs the lexical
     * side, so that on a server with a core to spare a search takes the longer of the two rather than their sum
     * (docs/PERFORMANCE.md, issue 16: at 2.8 million papers BM25 and the dense side each take tens of ms). As
     * many daemon threads as cores; a search that is itself on one (a nested hybrid, as feedback runs) stays on it.
     */
    private static final ExecutorService DENSE_SIDE = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), DenseSideThread::new);

    private static final class DenseSideThread extends Thread {
        DenseSideThread(Runnable r) {
            super(r, "hybrid-dense-side");
            setDaemon(true);
        }
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        SearchRequest deep = request.withLimit(Math.max(params.depth(), request.limit()));
        List<ScoredPaper> lex;
        List<ScoredPaper> den;
        if (Thread.currentThread() instanceof DenseSideThread) {
            lex = lexical.retrieve(deep);
            den = dense.retrieve(deep);
        } else {
            Future<List<ScoredPaper>> denseSide = DENSE_SIDE.submit(() -> dense.retrieve(deep));
            try {
                lex = lexical.retrieve(deep);
            } catch (RuntimeException | Error e) {
                denseSide.cancel(false); // not started yet: never run; running: not interrupted (it may be in I/O)
                throw e;
            }
            den = result(denseSide);
        }
        if (!params.cuts()) {
            return fuse(lex, den, request.limit());
        }
        if (parser.parse(request.query()).hasLexicalClauses()) {
            // the dense side cannot tell who wrote a paper or whether it has a phrase: only lexical matches pass
            return fuse(lex, den, request.limit(), true);
        }
        if (lex.isEmpty()) {
            // no paper shares a word with the query: meaning alone must be close enough (nonsense is not)
            den = den.stream().filter(p -> cosine(p) >= params.minDenseCosine()).toList();
        }
        return fuse(lex, den, request.limit(), false);
    }

    private static List<ScoredPaper> result(Future<List<ScoredPaper>> side) {
        return Futures.awaitOrCancel(side, "searching the dense side");
    }

    /** Lucene's dot-product score of unit vectors is {@code (1 + cos) / 2}. */
    private static double cosine(ScoredPaper densePaper) {
        return 2 * densePaper.score() - 1;
    }

    /** {@link #fuse(List, List, int, boolean)} keeping dense-only papers. */
    List<ScoredPaper> fuse(List<ScoredPaper> lexRanking, List<ScoredPaper> denseRanking, int limit) {
        return fuse(lexRanking, denseRanking, limit, false);
    }

    /**
     * Fuses two rankings (best first) and keeps the top {@code limit}. When one side is empty (e.g. a query of
     * filters only, which BM25 answers newest first and dense search not at all) the other side's ranking is
     * returned unchanged. With {@code lexicalOnly}, papers the lexical ranking lacks are left out (after
     * normalising, so the order of the others is the fused one).
     */
    List<ScoredPaper> fuse(List<ScoredPaper> lexRanking, List<ScoredPaper> denseRanking, int limit,
            boolean lexicalOnly) {
        if (lexRanking.isEmpty() || denseRanking.isEmpty()) {
            List<ScoredPaper> only = lexRanking.isEmpty() && !lexicalOnly ? denseRanking : lexRanking;
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
        if (lexicalOnly) {
            Set<String> inLexical = new java.util.HashSet<>();
            lexRanking.forEach(p -> inLexical.add(p.id()));
            fused.keySet().removeIf(id -> !inLexical.contains(id));
        }
        return ScoreFusion.sorted(fused, limit);
    }

    @Override
    public String tag() {
        return "hybrid[" + lexical.tag() + "|" + dense.tag() + "]+" + params.tag();
    }
}
