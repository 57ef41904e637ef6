package org.dailypapers.foryou;

/**
 * A candidate's place in a person's ranking and what put it there.
 *
 * @param score the blended score (higher first)
 * @param relevance the person's standardised relevance (0 without a classifier)
 * @param community the crowd's standardised signal
 * @param byFollowed whether the paper has an author, organization or category the person follows
 */
public record RankedPaper(String id, double score, double relevance, double community, boolean byFollowed) {}
