package org.dailypapers.search.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dailypapers.search.Bm25Retriever;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.Retriever;
import org.dailypapers.search.Rm3Params;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.UserQueryParser;

/**
 * BM25 with RM3 query expansion, as Anserini's Rm3Reranker does it: a first BM25 pass; each of the top
 * {@code fbDocs} documents becomes a term distribution (tf normalised to sum 1; terms shorter than 2 or longer
 * than 20 characters, with characters other than a-z and 0-9, or in more than 10% of the documents are
 * skipped); the relevance model weighs each term by the sum over documents of its probability times the
 * document's BM25 score, keeps the {@code fbTerms} heaviest, normalises them to sum 1 and interpolates with
 * the query's own term distribution ({@code originalQueryWeight}); a second BM25 pass runs the weighted
 * terms. When the first pass finds nothing, the result is that empty first pass. Thread-safe.
 */
public final class Rm3Expander implements Retriever {

    private static final Pattern ALNUM = Pattern.compile("[a-z0-9]+");

    private final Bm25Retriever bm25;
    private final PaperIndex index;
    private final Rm3Params params;
    private final UserQueryParser parser = new UserQueryParser();

    public Rm3Expander(Bm25Retriever bm25, PaperIndex index, Rm3Params params) {
        this.bm25 = bm25;
        this.index = index;
        this.params = params;
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        String text = parser.parse(request.query()).text();
        List<ScoredPaper> first = bm25.retrieve(request.withLimit(Math.max(params.fbDocs(), request.limit())));
        if (first.isEmpty() || text.isBlank()) {
            return first.size() > request.limit() ? first.subList(0, request.limit()) : first;
        }
        return bm25.retrieveWeighted(expandedQuery(text, first), request);
    }

    /** The interpolated term weights of the expanded query, heaviest first. */
    public Map<String, Float> expandedQuery(String text, List<ScoredPaper> first) {
        Map<String, Double> model = relevanceModel(first.subList(0, Math.min(params.fbDocs(), first.size())));
        Map<String, Double> query = unitL1(counts(bm25.analyzeContents(text)));
        double w = params.originalQueryWeight();
        Map<String, Double> mixed = new HashMap<>();
        query.forEach((t, p) -> mixed.merge(t, w * p, Double::sum));
        model.forEach((t, p) -> mixed.merge(t, (1 - w) * p, Double::sum));
        Map<String, Float> out = new LinkedHashMap<>();
        mixed.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue().floatValue()));
        return out;
    }

    private Map<String, Double> relevanceModel(List<ScoredPaper> feedback) {
        Map<String, Double> weights = new HashMap<>();
        Map<String, Boolean> kept = new HashMap<>();
        for (ScoredPaper p : feedback) {
            SearchDocument d = index.document(p.id()).orElse(null);
            if (d == null) continue;
            Map<String, Double> tf = new HashMap<>();
            for (String t : bm25.analyzeContents(contents(d))) {
                if (kept.computeIfAbsent(t, this::usable)) {
                    tf.merge(t, 1.0, Double::sum);
                }
            }
            unitL1(tf).forEach((t, prob) -> weights.merge(t, prob * p.score(), Double::sum));
        }
        List<Map.Entry<String, Double>> top = new ArrayList<>(weights.entrySet());
        top.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> pruned = new HashMap<>();
        top.stream().limit(params.fbTerms()).forEach(e -> pruned.put(e.getKey(), e.getValue()));
        return unitL1(pruned);
    }

    private boolean usable(String term) {
        return term.length() >= 2 && term.length() <= 20 && ALNUM.matcher(term).matches()
                && index.contentsDocumentFrequency(term) <= 0.1;
    }

    private static String contents(SearchDocument d) {
        return d.title() + "\n" + d.abstractText() + "\n" + String.join("\n", d.keywords());
    }

    private static Map<String, Double> counts(List<String> terms) {
        Map<String, Double> c = new HashMap<>();
        terms.forEach(t -> c.merge(t, 1.0, Double::sum));
        return c;
    }

    private static Map<String, Double> unitL1(Map<String, Double> v) {
        double sum = v.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new HashMap<>();
        if (sum > 0) v.forEach((t, x) -> out.put(t, x / sum));
        return out;
    }

    @Override
    public String tag() {
        return bm25.tag() + "+" + params.tag();
    }
}
