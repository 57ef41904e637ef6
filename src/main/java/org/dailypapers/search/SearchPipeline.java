package org.dailypapers.search;

import java.util.List;
import java.util.Locale;

/**
 * Which stages a search runs and with what parameters: a lexical side (BM25, optionally RM3), a dense side
 * (optionally Rocchio feedback), and fusion when both are on. Null turns a stage off. Build a running
 * {@link SearchEngine} from it. The named methods are the ones evaluated in docs/EVAL.md.
 *
 * @param bm25 the lexical side, or null for dense only
 * @param rm3 RM3 expansion of the lexical side, or null
 * @param denseModel the embedding model id of the dense side, or null for lexical only
 * @param rocchio Rocchio feedback on the dense side, or null; with both sides its feedback documents come from
 *     a first hybrid pass
 * @param fusion how both sides merge; required when both are on
 */
public record SearchPipeline(
        String name, Bm25Params bm25, Rm3Params rm3, String denseModel, RocchioParams rocchio, FusionParams fusion) {

    /** The product default, chosen on SciFact train (docs/EVAL.md). */
    public static final String DEFAULT_METHOD = "hybrid";
    public static final List<String> METHODS = List.of("bm25", "bm25+rm3", "dense", "dense+prf", "hybrid",
            "hybrid-rrf", "hybrid+rm3", "hybrid+prf");

    public SearchPipeline {
        if (bm25 == null && denseModel == null) {
            throw new IllegalArgumentException("a pipeline needs a lexical or a dense side");
        }
        if (rm3 != null && bm25 == null) {
            throw new IllegalArgumentException("RM3 needs the BM25 side");
        }
        if (rocchio != null && denseModel == null) {
            throw new IllegalArgumentException("Rocchio feedback needs the dense side");
        }
        if (bm25 != null && denseModel != null && fusion == null) {
            throw new IllegalArgumentException("a hybrid pipeline needs fusion parameters");
        }
    }

    /**
     * A named method with its default parameters (docs/EVAL.md); {@code model} is the dense model id, e.g.
     * {@code embedder.modelId()} (may be null for bm25 and bm25+rm3 only).
     */
    public static SearchPipeline named(String name, String model) {
        Bm25Params b = Bm25Params.DEFAULT;
        String key = name.toLowerCase(Locale.ROOT);
        if (model == null && !key.startsWith("bm25")) {
            throw new IllegalArgumentException("method '" + name + "' needs an embedding model");
        }
        double cut = model == null ? FusionParams.NO_CUT : EmbeddingModelName.parse(model).minRelevantCosine();
        FusionParams f = FusionParams.DEFAULT.withMinDenseCosine(cut);
        return switch (key) {
            case "bm25" -> new SearchPipeline("bm25", b, null, null, null, null);
            case "bm25+rm3" -> new SearchPipeline("bm25+rm3", b, Rm3Params.TUNED, null, null, null);
            case "dense" -> new SearchPipeline("dense", null, null, model, null, null);
            case "dense+prf" -> new SearchPipeline("dense+prf", null, null, model, RocchioParams.DEFAULT, null);
            case "hybrid" -> new SearchPipeline("hybrid", b, null, model, null, f);
            case "hybrid-rrf" -> new SearchPipeline("hybrid-rrf", b, null, model, null, FusionParams.RRF.withMinDenseCosine(cut));
            case "hybrid+rm3" -> new SearchPipeline("hybrid+rm3", b, Rm3Params.TUNED, model, null, f);
            case "hybrid+prf" -> new SearchPipeline("hybrid+prf", b, null, model, RocchioParams.HYBRID, f);
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; known: " + METHODS);
        };
    }

    public boolean needsVectors() {
        return denseModel != null;
    }

    public SearchPipeline withBm25(Bm25Params p) {
        return new SearchPipeline(name, bm25 == null ? null : p, rm3, denseModel, rocchio, fusion);
    }

    public SearchPipeline withRm3(Rm3Params p) {
        return new SearchPipeline(name, bm25, rm3 == null ? null : p, denseModel, rocchio, fusion);
    }

    public SearchPipeline withRocchio(RocchioParams p) {
        return new SearchPipeline(name, bm25, rm3, denseModel, rocchio == null ? null : p, fusion);
    }

    public SearchPipeline withFusion(FusionParams p) {
        return new SearchPipeline(name, bm25, rm3, denseModel, rocchio, fusion == null ? null : p);
    }
}
