package org.dailypapers.search;

/**
 * How a {@link VectorFile} stores each vector component. FLOAT16 halves the size of FLOAT32 and INT8 (one
 * scale per vector, symmetric rounding to -127..127) quarters it; the cost of each on retrieval quality is
 * measured in docs/EVAL.md.
 */
public enum VectorEncoding {
    FLOAT32(0),
    FLOAT16(1),
    INT8(2);

    final int code;

    VectorEncoding(int code) {
        this.code = code;
    }

    static VectorEncoding ofCode(int code) {
        for (VectorEncoding e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown vector encoding code " + code);
    }

    /** Bytes one vector of {@code dimension} components takes. */
    int bytes(int dimension) {
        return switch (this) {
            case FLOAT32 -> 4 * dimension;
            case FLOAT16 -> 2 * dimension;
            case INT8 -> 4 + dimension;
        };
    }
}
