package org.dailypapers.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the harvesters reach arXiv and Hugging Face, and when {@code serve} runs them.
 *
 * @param scheduled run both harvests daily while serving (on by default: a live feed is what an instance is for; a run without network fails fast and is reported)
 * @param time the local time of the daily run, in {@code zone}
 * @param arxivBaseUrl the OAI-PMH endpoint (arXiv's is {@value #ARXIV_OAI})
 * @param hfBaseUrl the Hugging Face host; {@code /api/daily_papers} is appended
 * @param arxivSet the OAI-PMH set to harvest ({@code cs}, {@code physics:hep-ex}); empty: every set
 * @param arxivDelay the pause between two requests to arXiv, which asks for 3 s
 * @param hfDelay the pause between two requests to Hugging Face
 * @param timeout the longest one HTTP exchange (headers and body) may take
 */
public record HarvestConfig(boolean scheduled, LocalTime time, ZoneId zone, URI arxivBaseUrl, URI hfBaseUrl,
        Optional<String> arxivSet, Duration arxivDelay, Duration hfDelay, Duration timeout) {
    public static final String ARXIV_OAI = "https://export.arxiv.org/oai2";
    public static final String HUGGING_FACE = "https://huggingface.co";
    /**
     * arXiv sets: an archive ({@code cs}), a group and archive ({@code physics:hep-ex}), or down to a category
     * ({@code cs:cs:AI}, as arXiv's newer OAI-PMH service spells them).
     */
    private static final Pattern SET = Pattern.compile("[a-z][a-z-]*(:[a-zA-Z][a-zA-Z.-]*){0,2}");

    public HarvestConfig {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(arxivBaseUrl, "arxivBaseUrl");
        Objects.requireNonNull(hfBaseUrl, "hfBaseUrl");
        Objects.requireNonNull(arxivSet, "arxivSet");
        arxivSet.ifPresent(HarvestConfig::checkSet);
        if (arxivDelay.isNegative() || hfDelay.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("delays must be >= 0 and the timeout > 0");
        }
    }

    /**
     * Defaults overridden by the environment: DAILYPAPERS_HARVEST_ENABLED (true), _TIME (06:00), _ZONE (UTC),
     * _ARXIV_BASE_URL, _HF_BASE_URL, _SET (cs; empty for every set), _DELAY (3 seconds, arXiv),
     * _HF_DELAY (1 second), _TIMEOUT (120 seconds). A bad value fails with the variable named.
     */
    public static HarvestConfig fromEnv(Map<String, String> env) {
        String set = env.getOrDefault("DAILYPAPERS_HARVEST_SET", "cs").strip();
        try {
            return new HarvestConfig(
                    bool("DAILYPAPERS_HARVEST_ENABLED", env.getOrDefault("DAILYPAPERS_HARVEST_ENABLED", "true")),
                    time(env.getOrDefault("DAILYPAPERS_HARVEST_TIME", "06:00")),
                    zone(env.getOrDefault("DAILYPAPERS_HARVEST_ZONE", "UTC")),
                    url("DAILYPAPERS_HARVEST_ARXIV_BASE_URL", env.getOrDefault("DAILYPAPERS_HARVEST_ARXIV_BASE_URL", ARXIV_OAI)),
                    url("DAILYPAPERS_HARVEST_HF_BASE_URL", env.getOrDefault("DAILYPAPERS_HARVEST_HF_BASE_URL", HUGGING_FACE)),
                    set.isEmpty() ? Optional.empty() : Optional.of(named("DAILYPAPERS_HARVEST_SET", set, HarvestConfig::checkSet)),
                    seconds("DAILYPAPERS_HARVEST_DELAY", env.getOrDefault("DAILYPAPERS_HARVEST_DELAY", "3")),
                    seconds("DAILYPAPERS_HARVEST_HF_DELAY", env.getOrDefault("DAILYPAPERS_HARVEST_HF_DELAY", "1")),
                    seconds("DAILYPAPERS_HARVEST_TIMEOUT", env.getOrDefault("DAILYPAPERS_HARVEST_TIMEOUT", "120")));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("DAILYPAPERS_")
                    ? e : new IllegalArgumentException("DAILYPAPERS_HARVEST_*: " + e.getMessage(), e);
        }
    }

    /** This configuration with the arXiv endpoint, set or delay of a command line where given (null: keep). */
    public HarvestConfig withArxiv(URI baseUrl, Optional<String> set, Duration delay) {
        return new HarvestConfig(scheduled, time, zone, baseUrl != null ? baseUrl : arxivBaseUrl, hfBaseUrl,
                set != null ? set : arxivSet, delay != null ? delay : arxivDelay, hfDelay, timeout);
    }

    /** This configuration with the Hugging Face host of a command line where given (null: keep). */
    public HarvestConfig withHf(URI baseUrl) {
        return new HarvestConfig(scheduled, time, zone, arxivBaseUrl, baseUrl != null ? baseUrl : hfBaseUrl,
                arxivSet, arxivDelay, hfDelay, timeout);
    }

    /** Checks an OAI-PMH set spec; returns it. */
    public static String checkSet(String set) {
        if (!SET.matcher(set).matches() || set.length() > 60) {
            throw new IllegalArgumentException("'" + set + "' is not an arXiv set (e.g. cs, math, physics:hep-ex)");
        }
        return set;
    }

    /** Checks an http(s) base URL (no query or fragment) and drops trailing slashes. */
    public static URI checkUrl(String raw) {
        try {
            URI uri = new URI(raw.strip().replaceAll("/+$", ""));
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("'" + raw + "' is not an http(s)://host[:port][/path] URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a URL: " + e.getReason());
        }
    }

    private static <T> T named(String name, T value, java.util.function.Function<T, ?> check) {
        try {
            check.apply(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static URI url(String name, String raw) {
        try {
            return checkUrl(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static LocalTime time(String raw) {
        try {
            return LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("DAILYPAPERS_HARVEST_TIME must be HH:MM (24-hour), not '" + raw + "'");
        }
    }

    private static ZoneId zone(String raw) {
        try {
            return ZoneId.of(raw.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("DAILYPAPERS_HARVEST_ZONE must be a time zone such as UTC or "
                    + "Europe/Paris, not '" + raw + "'");
        }
    }

    private static Duration seconds(String name, String raw) {
        try {
            double s = Double.parseDouble(raw.strip());
            if (!(s >= 0) || s > 86_400) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds (0..86400), not '" + raw + "'");
        }
    }

    private static boolean bool(String name, String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + raw + "'");
        };
    }
}
