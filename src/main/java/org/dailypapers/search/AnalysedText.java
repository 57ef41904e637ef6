package org.dailypapers.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens of one field value, analysed ahead of indexing, replayed as a token stream. Analysis (tokenising,
 * lower-casing, stemming) is about half of what indexing a paper costs; done on another thread, it runs beside the
 * writer while the writer still adds documents on one thread, in order (issue 16: same document ids, so the same
 * ranking of ties, as without it). Replays terms, position increments and offsets: everything the index keeps of
 * our fields. Not thread-safe; replayable ({@link #reset()} starts over).
 */
final class AnalysedText extends TokenStream {

    private final String[] terms;
    private final int[] increments;
    private final int[] starts;
    private final int[] ends;
    private final int endIncrement;
    private final int endOffset;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int next;

    private AnalysedText(String[] terms, int[] increments, int[] starts, int[] ends, int endIncrement, int endOffset) {
        this.terms = terms;
        this.increments = increments;
        this.starts = starts;
        this.ends = ends;
        this.endIncrement = endIncrement;
        this.endOffset = endOffset;
    }

    /** Runs {@code analyzer} over {@code text} as it would for {@code field}, keeping what it produced. */
    static AnalysedText of(Analyzer analyzer, String field, String text) {
        int n = 0;
        String[] terms = new String[16];
        int[] increments = new int[16];
        int[] starts = new int[16];
        int[] ends = new int[16];
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == terms.length) {
                    terms = Arrays.copyOf(terms, n * 2);
                    increments = Arrays.copyOf(increments, n * 2);
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                terms[n] = t.toString();
                increments[n] = p.getPositionIncrement();
                starts[n] = o.startOffset();
                ends[n] = o.endOffset();
                n++;
            }
            ts.end();
            return new AnalysedText(Arrays.copyOf(terms, n), Arrays.copyOf(increments, n), Arrays.copyOf(starts, n),
                    Arrays.copyOf(ends, n), p.getPositionIncrement(), o.endOffset());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no I/O
        }
    }

    @Override
    public boolean incrementToken() {
        if (next == terms.length) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(terms[next]);
        increment.setPositionIncrement(increments[next]);
        offset.setOffset(starts[next], ends[next]);
        next++;
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        increment.setPositionIncrement(endIncrement);
        offset.setOffset(endOffset, endOffset);
    }

    @Override
    public void reset() {
        next = 0;
    }
}
