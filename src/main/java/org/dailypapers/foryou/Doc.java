package org.dailypapers.foryou;

import java.util.Map;

/**
 * What the classifier reads of a paper.
 *
 * @param vector its embedding (unit length), or null while it has none
 * @param terms its {@link PaperTerms}
 */
public record Doc(float[] vector, Map<String, Integer> terms) {}
