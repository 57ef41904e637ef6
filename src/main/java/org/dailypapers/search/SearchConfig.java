package org.dailypapers.search;

import java.util.Objects;

/**
 * How the product searches: the pipeline (by method name), the embedding model, how vectors are stored in the
 * index, and whether missing vectors are computed in the background.
 */
public record SearchConfig(SearchPipeline pipeline, EmbeddingModelName model, VectorStorage storage, boolean embedInBackground) {
    public SearchConfig {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(storage, "storage");
    }

    /**
     * The product default: the default method and model of docs/EVAL.md.
     *
     * @throws IllegalArgumentException for an unknown model or one this build does not have (checked before
     *     anything opens the index, which would drop the vectors of the model it holds)
     */
    public static SearchConfig of(String method, String model, boolean embedInBackground) {
        EmbeddingModelName name = EmbeddingModelName.parse(model).requireAvailable();
        return new SearchConfig(SearchPipeline.named(method, name.id()), name, VectorStorage.FLOAT32, embedInBackground);
    }
}
