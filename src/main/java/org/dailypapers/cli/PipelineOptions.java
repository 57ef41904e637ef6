package org.dailypapers.cli;

import org.dailypapers.search.Bm25Params;
import org.dailypapers.search.EmbeddingModelName;
import org.dailypapers.search.FusionParams;
import org.dailypapers.search.OnnxEmbedder;
import org.dailypapers.search.Rm3Params;
import org.dailypapers.search.RocchioParams;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.VectorStorage;
import picocli.CommandLine.Option;

/**
 * Flags that tune a named search method, shared by {@code eval} and {@code bench}. An absent flag keeps the
 * method's default; a flag for a stage the method does not run is ignored.
 */
public final class PipelineOptions {

    @Option(names = "--model", defaultValue = "bge-small-en-v1.5-q",
            description = "embedding model: bge-small-en-v1.5-q or all-minilm-l6-v2-q; with a build by "
                    + "'mvn -Pextra-models package' also bge-small-en-v1.5-fp32 and e5-small-v2-q (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--embed-threads", description = "document encoding threads (default: one per core)")
    Integer embedThreads;

    @Option(names = "--onnx-threads", defaultValue = "1",
            description = "cores one ONNX encoding may use (default: ${DEFAULT-VALUE}; docs/PERFORMANCE.md)")
    int onnxThreads;

    @Option(names = "--doc-max-tokens", description = "documents: longest input in tokens, longer ones truncated (default: 512)")
    Integer docMaxTokens;

    @Option(names = "--doc-batch", description = "documents: texts of similar length per model call (default: 1)")
    Integer docBatch;

    @Option(names = "--doc-one-by-one", description = "documents: LangChain4j's encoding, the code before issue 16 (long texts averaged over 510-token windows)")
    boolean docOneByOne;

    @Option(names = "--query-instruction", description = "put the model's query instruction before queries (off: measured worse)")
    boolean queryInstruction;

    @Option(names = "--vectors", defaultValue = "FLOAT32", description = "HNSW vector storage: FLOAT32 or INT8 (default: ${DEFAULT-VALUE})")
    VectorStorage vectors;

    @Option(names = "--bm25-k1", description = "BM25 term saturation (0.9)") Double bm25K1;
    @Option(names = "--bm25-b", description = "BM25 length normalisation (0.4)") Double bm25B;
    @Option(names = "--bm25-title", description = "weight of the title field beside contents") Double bm25Title;
    @Option(names = "--bm25-authors", description = "weight of the authors field") Double bm25Authors;
    @Option(names = "--rm3-fb-docs", description = "RM3 feedback documents") Integer rm3FbDocs;
    @Option(names = "--rm3-fb-terms", description = "RM3 expansion terms") Integer rm3FbTerms;
    @Option(names = "--rm3-weight", description = "original query weight") Double rm3Weight;
    @Option(names = "--rocchio-fb-docs", description = "Rocchio feedback documents") Integer rocchioFbDocs;
    @Option(names = "--rocchio-weight", description = "query weight, 0.5..1") Double rocchioWeight;
    @Option(names = "--fusion", description = "RRF, MINMAX or ZSCORE") FusionParams.Method fusion;
    @Option(names = "--fusion-alpha", description = "dense weight of MINMAX/ZSCORE") Double fusionAlpha;
    @Option(names = "--fusion-k", description = "RRF k") Integer fusionK;
    @Option(names = "--fusion-depth", description = "results per side") Integer fusionDepth;
    @Option(names = "--fusion-min-cosine", description = "relevance cut: a result only the dense side returned must "
            + "reach this cosine to the query (-1: no cut)") Double fusionMinCosine;

    /** The embedding model with these flags' thread and query-instruction settings. */
    public OnnxEmbedder embedder() {
        int threads = embedThreads != null ? embedThreads : Runtime.getRuntime().availableProcessors();
        OnnxEmbedder.DocumentEncoding d = OnnxEmbedder.DocumentEncoding.DEFAULT;
        d = docOneByOne ? OnnxEmbedder.DocumentEncoding.ONE_BY_ONE
                : new OnnxEmbedder.DocumentEncoding(true, or(docMaxTokens, d.maxTokens()), or(docBatch, d.maxBatch()));
        return OnnxEmbedder.load(EmbeddingModelName.parse(model), threads, onnxThreads, queryInstruction, d);
    }

    /** The named method with these flags applied. */
    public SearchPipeline build(String method) {
        SearchPipeline p = SearchPipeline.named(method, EmbeddingModelName.parse(model).id());
        Bm25Params b = Bm25Params.DEFAULT;
        p = p.withBm25(new Bm25Params(or(bm25K1, b.k1()), or(bm25B, b.b()), or(bm25Title, b.titleWeight()),
                or(bm25Authors, b.authorsWeight())));
        Rm3Params r = p.rm3() != null ? p.rm3() : Rm3Params.DEFAULT;
        p = p.withRm3(new Rm3Params(or(rm3FbDocs, r.fbDocs()), or(rm3FbTerms, r.fbTerms()), or(rm3Weight,
                r.originalQueryWeight())));
        RocchioParams c = p.rocchio() != null ? p.rocchio() : RocchioParams.DEFAULT;
        p = p.withRocchio(new RocchioParams(or(rocchioFbDocs, c.fbDocs()), or(rocchioWeight, c.queryWeight())));
        FusionParams f = p.fusion() != null ? p.fusion() : FusionParams.DEFAULT;
        return p.withFusion(new FusionParams(fusion != null ? fusion : f.method(), or(fusionAlpha, f.denseWeight()),
                or(fusionK, f.rrfK()), or(fusionDepth, f.depth()), or(fusionMinCosine, f.minDenseCosine())));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
