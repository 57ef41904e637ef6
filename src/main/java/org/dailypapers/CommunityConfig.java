package org.dailypapers;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dailypapers.account.AccountConfig;
import org.dailypapers.ingest.ArxivApiClient;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.submit.SubmissionConfig;
import org.dailypapers.vote.Trending;

/**
 * The community side's settings: accounts and sign-in, submissions, trending.
 *
 * @param trendingHalfLife how long an upvote takes to lose half its weight in the trending score
 */
public record CommunityConfig(AccountConfig account, SubmissionConfig submission, Duration trendingHalfLife) {
    public CommunityConfig {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(trendingHalfLife, "trendingHalfLife");
    }

    public static CommunityConfig defaults() {
        return new CommunityConfig(AccountConfig.defaults(), SubmissionConfig.defaults(), Trending.DEFAULT_HALF_LIFE);
    }

    /**
     * Reads DAILYPAPERS_ADMINS (comma-separated emails), DAILYPAPERS_SIGNIN_LINK_MINUTES (15),
     * DAILYPAPERS_SESSION_DAYS (30), DAILYPAPERS_SIGNIN_PER_ADDRESS (5 links an hour),
     * DAILYPAPERS_SIGNIN_PER_CLIENT (20 an hour), DAILYPAPERS_ARXIV_API_URL, DAILYPAPERS_ARXIV_TIMEOUT_SECONDS (10),
     * DAILYPAPERS_SUBMIT_WINDOW_DAYS (14), DAILYPAPERS_SUBMIT_DAILY_LIMIT (5),
     * DAILYPAPERS_TRENDING_HALF_LIFE_HOURS (24).
     *
     * @throws IllegalArgumentException naming the variable and what it expects
     */
    public static CommunityConfig fromEnv(Map<String, String> env) {
        AccountConfig account = new AccountConfig(
                admins(env.get("DAILYPAPERS_ADMINS")),
                Duration.ofMinutes(positive(env, "DAILYPAPERS_SIGNIN_LINK_MINUTES", 15, 24 * 60)),
                Duration.ofDays(positive(env, "DAILYPAPERS_SESSION_DAYS", 30, 3650)),
                positive(env, "DAILYPAPERS_SIGNIN_PER_ADDRESS", 5, 10_000),
                positive(env, "DAILYPAPERS_SIGNIN_PER_CLIENT", 20, 1_000_000));
        SubmissionConfig submission = new SubmissionConfig(
                arxivUrl(env.get("DAILYPAPERS_ARXIV_API_URL")),
                Duration.ofSeconds(positive(env, "DAILYPAPERS_ARXIV_TIMEOUT_SECONDS", 10, 600)),
                positive(env, "DAILYPAPERS_SUBMIT_WINDOW_DAYS", SubmissionConfig.DEFAULT_WINDOW_DAYS, 100_000),
                positive(env, "DAILYPAPERS_SUBMIT_DAILY_LIMIT", SubmissionConfig.DEFAULT_DAILY_LIMIT, 100_000));
        Duration halfLife = Duration.ofHours(positive(env, "DAILYPAPERS_TRENDING_HALF_LIFE_HOURS", 24, 24 * 365));
        return new CommunityConfig(account, submission, halfLife);
    }

    private static Set<EmailAddress> admins(String raw) {
        Set<EmailAddress> admins = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return admins;
        }
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                admins.add(EmailAddress.parse(part));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DAILYPAPERS_ADMINS: " + e.getMessage());
            }
        }
        return admins;
    }

    private static URI arxivUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return ArxivApiClient.DEFAULT_URL;
        }
        try {
            URI uri = new URI(raw.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(raw, "needs http(s)://host[:port]/path, without query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DAILYPAPERS_ARXIV_API_URL '" + raw + "': " + e.getReason());
        }
    }

    private static int positive(Map<String, String> env, String name, int fallback, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max + ", not '" + raw + "'");
    }
}
