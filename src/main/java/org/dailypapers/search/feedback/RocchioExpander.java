package org.dailypapers.search.feedback;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.search.DenseRetriever;
import org.dailypapers.search.Retriever;
import org.dailypapers.search.RocchioParams;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchRequest;

/**
 * Dense retrieval with a Rocchio-expanded query vector (see {@link RocchioParams}). The feedback documents are
 * the top {@code fbDocs} of {@code feedbackSource}: the dense retriever itself, or a hybrid ranking whose top
 * is usually more precise. Feedback documents without a vector are skipped; with none left the plain query
 * vector is used. A query with nothing to embed gets no results, as from {@link DenseRetriever}. Thread-safe.
 */
public final class RocchioExpander implements Retriever {

    private final DenseRetriever dense;
    private final Retriever feedbackSource;
    private final RocchioParams params;

    public RocchioExpander(DenseRetriever dense, Retriever feedbackSource, RocchioParams params) {
        this.dense = dense;
        this.feedbackSource = feedbackSource;
        this.params = params;
    }

    @Override
    public List<ScoredPaper> retrieve(SearchRequest request) {
        Optional<float[]> query = dense.queryVector(request);
        if (query.isEmpty()) {
            return List.of(); // as the dense retriever itself answers a query with nothing to embed
        }
        float[] q = query.get();
        List<ScoredPaper> feedback = feedbackSource.retrieve(request.withLimit(params.fbDocs()));
        float[] sum = new float[q.length];
        int n = 0;
        for (ScoredPaper p : feedback) {
            Optional<float[]> v = dense.vectorOf(p.id());
            if (v.isPresent()) {
                float[] d = v.get();
                for (int i = 0; i < sum.length; i++) sum[i] += d[i];
                n++;
            }
        }
        if (n == 0) {
            return dense.retrieve(q, request, Set.of());
        }
        double w = params.queryWeight();
        float[] expanded = new float[q.length];
        double norm = 0;
        for (int i = 0; i < q.length; i++) {
            expanded[i] = (float) (w * q[i] + (1 - w) * sum[i] / n);
            norm += expanded[i] * expanded[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < q.length; i++) expanded[i] *= inv;
        return dense.retrieve(expanded, request, Set.of());
    }

    @Override
    public String tag() {
        String source = feedbackSource == dense ? "" : ",from=hybrid";
        return dense.tag() + "+" + params.tag().replace(")", source + ")");
    }
}
