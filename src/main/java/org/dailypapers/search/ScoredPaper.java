package org.dailypapers.search;

/**
 * One result: a paper id (an arXiv id in the product, a corpus id in evaluation) and its score. Scores are
 * comparable only within one result list of one method.
 */
public record ScoredPaper(String id, double score) {}
