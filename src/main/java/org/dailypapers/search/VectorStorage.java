package org.dailypapers.search;

/**
 * How the index keeps vectors for its HNSW graph. INT8 stores a quantised copy (Lucene 10.4+
 * {@code Lucene104HnswScalarQuantizedVectorsFormat}) beside the raw floats and searches with it: smaller and
 * faster graph search, at a quality cost measured in docs/EVAL.md.
 */
public enum VectorStorage {
    FLOAT32,
    INT8
}
