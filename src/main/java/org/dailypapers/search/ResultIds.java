package org.dailypapers.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Turns Lucene hits into {@link ScoredPaper}s, reading ids from doc values. */
final class ResultIds {

    private ResultIds() {}

    static List<ScoredPaper> of(IndexReader reader, TopDocs top) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        List<ScoredPaper> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            SortedDocValues ids = leaf.reader().getSortedDocValues(IndexFields.ID);
            if (ids == null || !ids.advanceExact(sd.doc - leaf.docBase)) {
                throw new IllegalStateException("document " + sd.doc + " has no id");
            }
            float score = Float.isNaN(sd.score) ? 0f : sd.score;
            out.add(new ScoredPaper(ids.lookupOrd(ids.ordValue()).utf8ToString(), score));
        }
        return out;
    }
}
