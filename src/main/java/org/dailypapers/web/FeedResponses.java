package org.dailypapers.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.dailypapers.syndication.FeedDocument;
import org.dailypapers.syndication.FeedFormat;

/**
 * Sends a feed with what feed readers need to poll cheaply: an {@code ETag} (a hash of the bytes) and a
 * {@code Last-Modified}, answering {@code If-None-Match} and {@code If-Modified-Since} with 304 (RFC 9110 13.2.2:
 * the ETag decides when both are sent). A feed's content has no one modification time (a vote reorders a day),
 * so Last-Modified is when this server first sent the current bytes of that URL: remembered per URL, it only
 * ever moves forward, and after a restart it is the restart (one full answer, never a wrong 304). Thread-safe.
 */
final class FeedResponses {
    /** How long readers and shared caches may reuse a feed without asking: a new day appears once a day. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** HTTP's date form (IMF-fixdate). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Version(String etag, Instant since) {}

    private final Cache<String, Version> versions = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterAccess(Duration.ofDays(2)).build();
    private final Clock clock;

    FeedResponses(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes {@code feed} in {@code format}, or 304. {@code personal}: a private feed, which no shared cache may
     * keep ({@code Cache-Control: private}); a public feed may be cached by anyone, per host (its links are absolute).
     */
    void send(Context ctx, FeedFormat format, FeedDocument feed, boolean personal) {
        byte[] body = format.write(feed);
        String etag = etag(body);
        String key = format.suffix() + " " + ctx.host() + ctx.path() + "?" + ctx.queryString();
        Instant since = versions.asMap().compute(key, (k, v) -> v != null && v.etag().equals(etag) ? v
                : new Version(etag, later(clock.instant().truncatedTo(ChronoUnit.SECONDS), v))).since();
        if (personal) {
            ctx.header("Cache-Control", "private, max-age=" + MAX_AGE.toSeconds());
            ctx.header("X-Robots-Tag", "noindex");
            ctx.header("Referrer-Policy", "no-referrer");
        } else {
            ctx.header("Cache-Control", "public, max-age=" + MAX_AGE.toSeconds());
            ctx.header("Vary", "Host");
        }
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HTTP_DATE.format(since));
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, since)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(format.mediaType() + "; charset=utf-8").result(body);
    }

    /**
     * A new version's time: now, but always after the version it replaces (HTTP dates count whole seconds, so
     * a change within the second the old bytes were first sent would otherwise answer 304 to their date).
     */
    private static Instant later(Instant now, Version previous) {
        return previous == null || now.isAfter(previous.since()) ? now : previous.since().plusSeconds(1);
    }

    /** RFC 9110 13.1.2 and 13.1.3: If-None-Match uses the weak comparison; If-Modified-Since counts only without it. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant since) {
        if (ifNoneMatch != null) {
            return ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(etag::equals);
        }
        if (ifModifiedSince == null || ifModifiedSince.length() > 100) {
            return false;
        }
        try {
            Instant known = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.strip(), Instant::from);
            // RFC 9110 13.1.3: a date later than the server's clock is invalid, and ignored
            return !known.isAfter(Instant.now()) && !since.isAfter(known);
        } catch (DateTimeParseException e) {
            return false; // RFC 9110: an invalid date is ignored
        }
    }

    /** A strong validator: 128 bits of the body's SHA-256, quoted. */
    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }
}
