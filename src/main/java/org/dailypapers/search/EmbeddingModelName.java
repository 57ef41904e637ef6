package org.dailypapers.search;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The embedding models that ship with the application, by the name used in configuration and CLI flags. */
public enum EmbeddingModelName {
    /** BAAI bge-small-en-v1.5, int8-quantised; reads up to 510 tokens; wants an instruction before queries. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: "),
    /** sentence-transformers all-MiniLM-L6-v2, int8-quantised; its tokenizer stops at 128 tokens. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "");

    private final String id;
    private final String queryPrefix;

    EmbeddingModelName(String id, String queryPrefix) {
        this.id = id;
        this.queryPrefix = queryPrefix;
    }

    public String id() {
        return id;
    }

    /** The instruction the model's authors suggest before queries ("" when none). */
    public String queryInstruction() {
        return queryPrefix;
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
            default -> throw new IllegalArgumentException("unknown embedding model '" + text + "'; known: "
                    + Arrays.stream(values()).map(EmbeddingModelName::id).collect(Collectors.joining(", ")));
        };
    }
}
