package org.dailypapers.search;

import java.util.List;

/**
 * Turns text into unit-length vectors of {@link #dimension()} floats, so that a dot product is a cosine.
 * Queries and documents go through different methods because some models (bge) want an instruction in front
 * of queries only. Implementations are thread-safe.
 */
public interface Embedder {

    /**
     * The vector of a search query (with the model's query instruction, if it has one).
     *
     * @throws IllegalArgumentException when the query has nothing a model can embed (no letter or digit);
     *     {@link DenseRetriever} never asks for one
     */
    float[] embedQuery(String query);

    /**
     * The vectors of documents, in input order; one call may batch them as it likes. Every text gets a
     * vector, even one with nothing to embed.
     */
    List<float[]> embedDocuments(List<String> texts);

    /** A stable name of the model and its settings: vectors from different ids are never mixed. */
    String modelId();

    int dimension();

    /** The instruction put before every query ("" for none); query caches must key on it too. */
    default String queryPrefix() {
        return "";
    }
}
