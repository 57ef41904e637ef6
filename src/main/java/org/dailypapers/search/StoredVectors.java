package org.dailypapers.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/** Reads the raw vector of one document back from the index (also kept beside an int8-quantised graph). */
final class StoredVectors {

    private StoredVectors() {}

    /** The vector of a (global) doc number of the given reader, if it has one. */
    static Optional<float[]> of(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null) {
            return Optional.empty();
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int local = doc - leaf.docBase;
        if (it.advance(local) != local) {
            return Optional.empty();
        }
        return Optional.of(values.vectorValue(it.index()).clone());
    }
}
