package org.dailypapers.search;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The embedding models the application can load, by the name used in configuration and CLI flags. Each is
 * the ONNX graph and tokenizer of a LangChain4j in-process artifact ({@code <id>.onnx},
 * {@code <id>-tokenizer.json} on the class path). The first two ship in the jar; the last two are kept for
 * docs/EVAL.md's comparisons and need a build with {@code -Pextra-models} (111 MB more in the jar).
 */
public enum EmbeddingModelName {
    /** BAAI bge-small-en-v1.5, int8-quantised; reads up to 510 tokens; has an optional query instruction. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q", PoolingMode.CLS, true,
            "Represent this sentence for searching relevant passages: ", null, 0.72),
    /** sentence-transformers all-MiniLM-L6-v2, int8-quantised; its tokenizer stops at 128 tokens. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", PoolingMode.MEAN, true, "", null, 0.36),
    /** bge-small-en-v1.5 unquantised (float32): 4x the model size, half the encoding speed. */
    BGE_SMALL_EN_V15_FP32("bge-small-en-v1.5-fp32", "bge-small-en-v1.5", PoolingMode.CLS, false,
            "Represent this sentence for searching relevant passages: ", null, 0.72),
    /**
     * intfloat e5-small-v2, int8-quantised; reads up to 512 tokens; trained with "query: " and "passage: " in
     * front of every text, so both are always put there.
     */
    E5_SMALL_V2_Q("e5-small-v2-q", "e5-small-v2-q", PoolingMode.MEAN, false, "query: ", "passage: ",
            FusionParams.NO_CUT);

    private final String id;
    private final String resource;
    private final PoolingMode pooling;
    private final boolean bundled;
    private final String queryPrefix;
    private final String documentPrefix;
    private final double minRelevantCosine;

    /**
     * @param resource the stem of the model's files in its LangChain4j jar
     * @param bundled whether the default build puts the model in the jar
     * @param documentPrefix non-null for a model whose prefixes are part of its input format, not optional
     * @param minRelevantCosine see {@link #minRelevantCosine()}
     */
    EmbeddingModelName(String id, String resource, PoolingMode pooling, boolean bundled, String queryPrefix,
            String documentPrefix, double minRelevantCosine) {
        this.minRelevantCosine = minRelevantCosine;
        this.id = id;
        this.resource = resource;
        this.pooling = pooling;
        this.bundled = bundled;
        this.queryPrefix = queryPrefix;
        this.documentPrefix = documentPrefix;
    }

    /**
     * The cosine to the query below which a paper that only this model found is not relevant (the hybrid
     * relevance cut, {@link FusionParams#minDenseCosine()}). Each model has its own scale: bge-small puts
     * nonsense at 0.56-0.70 and real queries at 0.72 and above, MiniLM nonsense at 0.20-0.33 and real queries
     * at 0.39 and above (docs/EVAL.md, "No papers match"). e5 was not calibrated: no cut.
     */
    public double minRelevantCosine() {
        return minRelevantCosine;
    }

    /**
     * The longest input the model reads, in tokens with the special ones: what its LangChain4j tokenizer cuts at
     * (MiniLM's at 128), else BERT's 512.
     */
    public int maxTokens() {
        return this == ALL_MINILM_L6_V2_Q ? 128 : 512;
    }

    /** How the model's token vectors become one vector (as its LangChain4j model class does it). */
    public PoolingMode pooling() {
        return pooling;
    }

    /** The model's ONNX graph on the class path. */
    public String onnxResource() {
        return resource + ".onnx";
    }

    /** The model's tokenizer on the class path. */
    public String tokenizerResource() {
        return resource + "-tokenizer.json";
    }

    /** Whether this build has the model (the default build has the bundled ones; the others need -Pextra-models). */
    public boolean available() {
        return EmbeddingModelName.class.getClassLoader().getResource(onnxResource()) != null;
    }

    /**
     * This model, when this build has it.
     *
     * @throws IllegalArgumentException naming the way to a build that has it
     */
    public EmbeddingModelName requireAvailable() {
        if (!available()) {
            throw new IllegalArgumentException("the embedding model " + id + " is not in this build: build with "
                    + "'mvn -Pextra-models package' to add it, or choose one of " + java.util.Arrays.stream(values())
                    .filter(EmbeddingModelName::available).map(EmbeddingModelName::id).toList());
        }
        return this;
    }

    /** Whether the default build ships the model (the others need {@code -Pextra-models}). */
    public boolean bundled() {
        return bundled;
    }

    public String id() {
        return id;
    }

    /** The instruction the model's authors suggest before queries ("" when none). */
    public String queryInstruction() {
        return queryPrefix;
    }

    /** True when the query prefix is part of the model's input format (e5), not an optional instruction (bge). */
    public boolean prefixesRequired() {
        return documentPrefix != null;
    }

    /** What goes before every document ("" when nothing). */
    public String documentPrefix() {
        return documentPrefix != null ? documentPrefix : "";
    }

    /** Accepts the id ({@code bge-small-en-v1.5-q}) or a short alias ({@code bge}, {@code minilm}). */
    public static EmbeddingModelName parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        for (EmbeddingModelName n : values()) {
            if (n.id.equals(t)) {
                return n;
            }
        }
        return switch (t) {
            case "bge", "bge-small", "bge-small-en-v1.5" -> BGE_SMALL_EN_V15_Q;
            case "minilm", "all-minilm-l6-v2" -> ALL_MINILM_L6_V2_Q;
            case "e5", "e5-small", "e5-small-v2" -> E5_SMALL_V2_Q;
            default -> throw new IllegalArgumentException("unknown embedding model '" + text + "'; known: "
                    + Arrays.stream(values()).map(EmbeddingModelName::id).collect(Collectors.joining(", ")));
        };
    }
}
