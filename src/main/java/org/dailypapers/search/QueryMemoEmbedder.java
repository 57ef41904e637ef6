package org.dailypapers.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of the last {@value #SIZE} queries, so that the stages of one search (a feedback
 * pass, then the final pass) embed the query once. Documents pass through. Thread-safe.
 */
final class QueryMemoEmbedder implements Embedder {

    private static final int SIZE = 256;

    private final Embedder delegate;
    private final Map<String, float[]> recent = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > SIZE;
        }
    };

    QueryMemoEmbedder(Embedder delegate) {
        this.delegate = delegate;
    }

    @Override
    public float[] embedQuery(String query) {
        synchronized (recent) {
            float[] v = recent.get(query);
            if (v != null) return v;
        }
        float[] v = delegate.embedQuery(query);
        synchronized (recent) {
            recent.put(query, v);
        }
        return v;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return delegate.embedDocuments(texts);
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String queryPrefix() {
        return delegate.queryPrefix();
    }
}
