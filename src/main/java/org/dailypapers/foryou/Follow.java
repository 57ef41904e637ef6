package org.dailypapers.foryou;

/** One thing a person follows: an author's name, an organization's handle, an arXiv category or a topic. */
public record Follow(FollowKind kind, String value) {}
