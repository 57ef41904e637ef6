package org.dailypapers.paper;

/** A paper together with its feed entry: what a feed card, an RSS item or an API item shows. */
public record FeedPaper(Paper paper, FeedEntry entry) {}
