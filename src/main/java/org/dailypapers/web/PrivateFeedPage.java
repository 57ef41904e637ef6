package org.dailypapers.web;

import java.time.Instant;

/**
 * The private feed settings of a signed-in person.
 *
 * @param about what the feed lists
 * @param since when the current secret address was made; null when there is none
 * @param made the feeds of a secret just made (absolute URLs, shown this once); null otherwise
 * @param revoked the page follows a revocation
 */
public record PrivateFeedPage(String csrf, String about, Instant since, FeedLinks made, boolean revoked) {}
