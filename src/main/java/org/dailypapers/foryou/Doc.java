package org.dailypapers.foryou;

import java.util.Map;

/**
 * What the classifier reads of a paper: its embedding and either its terms or, once a vocabulary is fitted, the
 * compact row of them ({@link #compact}).
 *
 * @param vector its embedding (unit length), or null while it has none
 * @param terms its {@link PaperTerms}, or null in a compact doc
 * @param row its terms over a vocabulary, or null until {@link #compact}
 */
public record Doc(float[] vector, Map<String, Integer> terms, TermRow row) {

    public Doc(float[] vector, Map<String, Integer> terms) {
        this(vector, terms, null);
    }

    /** This paper with its terms replaced by their row over {@code vocabulary}. */
    public Doc compact(Vocabulary vocabulary) {
        return new Doc(vector, null, row(vocabulary));
    }

    /** The row over {@code vocabulary}: kept if it was made with it, else computed from the terms. */
    TermRow row(Vocabulary vocabulary) {
        if (row != null && row.vocabulary() == vocabulary) return row;
        if (terms == null) throw new IllegalStateException("a compact doc of another vocabulary has no terms");
        return vocabulary.row(terms);
    }
}
