package org.dailypapers.submit;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Paper submissions.
 *
 * @param arxivApiUrl the arXiv API's query endpoint (tests point it at a local replay server)
 * @param arxivTimeout how long to wait for arXiv, for connecting and for the answer
 * @param windowDays a paper is accepted when arXiv published it at most this many days ago
 * @param dailyLimit submissions per person per feed day
 */
public record SubmissionConfig(URI arxivApiUrl, Duration arxivTimeout, int windowDays, int dailyLimit) {
    public static final int DEFAULT_WINDOW_DAYS = 14;
    public static final int DEFAULT_DAILY_LIMIT = 5;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public SubmissionConfig {
        Objects.requireNonNull(arxivApiUrl, "arxivApiUrl");
        Objects.requireNonNull(arxivTimeout, "arxivTimeout");
        if (windowDays < 1 || dailyLimit < 1 || arxivTimeout.isNegative() || arxivTimeout.isZero()) {
            throw new IllegalArgumentException("window days, daily limit and timeout must be positive");
        }
    }

    public static SubmissionConfig defaults() {
        return new SubmissionConfig(org.dailypapers.ingest.ArxivApiClient.DEFAULT_URL, DEFAULT_TIMEOUT,
                DEFAULT_WINDOW_DAYS, DEFAULT_DAILY_LIMIT);
    }
}
