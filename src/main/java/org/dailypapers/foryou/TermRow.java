package org.dailypapers.foryou;

/**
 * A paper's tf-idf over one {@link Vocabulary}: its columns ascending and their weights, of unit length. What the
 * shared corpus keeps of each paper: about 1 KB, where its bag of {@link PaperTerms} takes some 30 KB.
 */
public record TermRow(Vocabulary vocabulary, int[] columns, float[] weights) {}
