package org.dailypapers.search;

import java.util.List;

/**
 * Where searches run when not on this node's own index: a distributed engine that returns candidates for a
 * pipeline, which the app fuses with its own code ({@link HybridRetriever}), so rankings do not depend on where
 * they ran. {@link PaperSearch#searchOn} installs one; without one (the default) the embedded index answers.
 */
public interface SearchBackend {

    /**
     * The engine for {@code pipeline}.
     *
     * @param embedder encodes queries for the dense side; null for a pipeline without one
     * @throws IllegalArgumentException when the backend cannot run this pipeline
     */
    Engine engine(SearchPipeline pipeline, Embedder embedder);

    /** A short name for {@code /health}, e.g. {@code solr}. */
    default String name() {
        return "remote";
    }

    /** A pipeline on the backend; thread-safe. */
    interface Engine extends Retriever {
        /** The {@code k} papers nearest to a paper by embedding, itself excluded; empty when it has no vector. */
        List<ScoredPaper> similar(String id, int k);
    }

    /**
     * The backend cannot answer now (it cannot be reached, timed out, or failed on its side): {@link PaperSearch}
     * then answers from this node's own index for a while ({@link BackendFallback}).
     */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
