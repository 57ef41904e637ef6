package org.dailypapers.digest;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Digest settings: whether {@code serve} sends digests, when (a local time in a time zone: daily digests
 * every day, weekly ones on Mondays), how many top papers a digest lists, and optionally the secret that
 * signs links (otherwise one is generated once and kept in the database).
 *
 * @param secret at least 32 characters when present
 */
public record DigestConfig(boolean enabled, LocalTime sendAt, ZoneId zone, int top, int topicHits, Optional<String> secret) {
    public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);
    /** Feed days are New York days: sending by that clock makes "yesterday" the feed's yesterday. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");
    public static final int DEFAULT_TOP = 10;
    public static final int MAX_TOP = 50;
    public static final int DEFAULT_TOPIC_HITS = 3;

    public DigestConfig {
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(secret, "secret");
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("DAILYPAPERS_DIGEST_TOP must be 1.." + MAX_TOP + " (got " + top + ")");
        }
        if (topicHits < 1 || topicHits > 20) {
            throw new IllegalArgumentException("topic hits must be 1..20 (got " + topicHits + ")");
        }
        if (secret.isPresent() && secret.get().length() < 32) {
            throw new IllegalArgumentException("DAILYPAPERS_DIGEST_SECRET must have at least 32 characters");
        }
    }

    public static DigestConfig defaults() {
        return new DigestConfig(true, DEFAULT_TIME, DEFAULT_ZONE, DEFAULT_TOP, DEFAULT_TOPIC_HITS, Optional.empty());
    }

    /**
     * Reads DAILYPAPERS_DIGEST_ENABLED (true/false), DAILYPAPERS_DIGEST_TIME (HH:MM), DAILYPAPERS_DIGEST_ZONE
     * (an IANA zone such as Europe/Berlin), DAILYPAPERS_DIGEST_TOP (1..50) and DAILYPAPERS_DIGEST_SECRET.
     *
     * @throws IllegalArgumentException naming the variable that is wrong
     */
    public static DigestConfig fromEnv(Map<String, String> env) {
        boolean enabled = switch (env.getOrDefault("DAILYPAPERS_DIGEST_ENABLED", "true").strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("DAILYPAPERS_DIGEST_ENABLED must be true or false, not '"
                    + env.get("DAILYPAPERS_DIGEST_ENABLED") + "'");
        };
        LocalTime time = parsed(env, "DAILYPAPERS_DIGEST_TIME", DEFAULT_TIME, LocalTime::parse, "a time of day HH:MM, e.g. 07:30");
        ZoneId zone = parsed(env, "DAILYPAPERS_DIGEST_ZONE", DEFAULT_ZONE, ZoneId::of, "a time zone such as Europe/Berlin or UTC");
        int top = parsed(env, "DAILYPAPERS_DIGEST_TOP", DEFAULT_TOP, Integer::parseInt, "a number 1.." + MAX_TOP);
        String secret = env.get("DAILYPAPERS_DIGEST_SECRET");
        return new DigestConfig(enabled, time, zone, top, DEFAULT_TOPIC_HITS,
                secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret.strip()));
    }

    /**
     * The variable {@code name} parsed (after trimming), or {@code fallback} when it is unset or blank.
     *
     * @throws IllegalArgumentException "NAME must be EXPECTED, not 'VALUE'" when it does not parse
     */
    private static <T> T parsed(Map<String, String> env, String name, T fallback, Function<String, T> parse, String expected) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(raw.strip());
        } catch (DateTimeException | IllegalArgumentException e) { // NumberFormatException is an IllegalArgumentException
            throw new IllegalArgumentException(name + " must be " + expected + ", not '" + raw + "'");
        }
    }

    /** Hides the secret. */
    @Override
    public String toString() {
        return "DigestConfig[enabled=" + enabled + ", sendAt=" + sendAt + ", zone=" + zone + ", top=" + top
                + ", topicHits=" + topicHits + ", secret=" + (secret.isPresent() ? "(configured)" : "(generated)") + "]";
    }
}
