package org.dailypapers.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to a source, the way a polite harvester makes them: a User-Agent naming the project, a
 * time limit on the whole exchange (a stalled body cannot hang a harvest), and {@code 503} or {@code 429}
 * answered by waiting what {@code Retry-After} asks (seconds or an HTTP date; 10 s when absent) and trying
 * again, at most {@value #MAX_RETRIES} times and never longer than {@link #MAX_RETRY_AFTER} at once.
 * Any other status is returned to the caller, who knows what the source means by it.
 *
 * <p>{@link #cancel} stops a harvest from another thread without interrupting it: the request under way is
 * abandoned, a wait ends, and the harvesting thread gets a {@link HarvestException}. (Interrupting it is not an
 * option: an interrupt inside a Lucene write closes the index writer.) Thread-safe.
 */
final class HarvestHttp {
    static final int MAX_RETRIES = 5;
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
    static final String USER_AGENT = "DailyPapers-harvester/0.1 (self-hosted research-paper feed; "
            + "+https://github.com/dailypapers/dailypapers)";
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(HarvestHttp.class);

    /** Waits; a seam so tests record the waits instead of spending them (null: really wait). */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A response: status, the Content-Type (may be empty), {@code Retry-After} (may be null) and the whole body. */
    record Response(URI uri, int status, String contentType, String retryAfter, byte[] body) {
        String bodyStart() {
            String text = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
            return text.replaceAll("\\s+", " ").strip();
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Object signal = new Object();
    private volatile boolean cancelled;
    private volatile CompletableFuture<?> inFlight;
    private int requests;

    /** The largest answer taken (an arXiv page of 1,000 records is about 2-3 MB, a Hugging Face day far less). */
    static final int MAX_BODY = 64 << 20;

    private final int maxBody;

    HarvestHttp(Duration timeout, Sleeper sleeper, Clock clock) {
        this(timeout, sleeper, clock, MAX_BODY);
    }

    HarvestHttp(Duration timeout, Sleeper sleeper, Clock clock, int maxBody) {
        this.maxBody = maxBody;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(20)) < 0 ? timeout : Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Requests sent so far, retries included. */
    synchronized int requests() {
        return requests;
    }

    /** Abandons the request under way and any wait; every later call fails. Callable from any thread. */
    void cancel() {
        cancelled = true;
        CompletableFuture<?> current = inFlight;
        if (current != null) {
            current.cancel(true);
        }
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Releases the connections and the client's thread; call once the run is over. */
    void close() {
        client.shutdownNow();
    }

    private void checkNotCancelled() throws HarvestException {
        if (cancelled) {
            throw new HarvestException("stopped: the server is shutting down");
        }
    }

    /**
     * GETs {@code uri}, retrying on 503/429 as described above.
     *
     * @throws HarvestException on a timeout, a broken connection, or when the source stays unavailable
     */
    Response get(URI uri) throws HarvestException {
        for (int attempt = 0; ; attempt++) {
            Response response = once(uri);
            if (response.status() != 503 && response.status() != 429) {
                return response;
            }
            Duration wait = retryAfter(response);
            if (attempt >= MAX_RETRIES) {
                throw new HarvestException("HTTP " + response.status() + " from " + uri + " after " + MAX_RETRIES
                        + " retries: the source is unavailable; try again later");
            }
            if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
                throw new HarvestException("HTTP " + response.status() + " from " + uri + ": asked to retry after "
                        + wait.toSeconds() + " s, longer than " + MAX_RETRY_AFTER.toMinutes() + " min; try again later");
            }
            log.info("HTTP {} from {}: retrying in {} s as asked", response.status(), uri, wait.toSeconds());
            pause(wait);
        }
    }

    /** Waits {@code duration}; an interruption is a failure of the harvest, not something to swallow. */
    void pause(Duration duration) throws HarvestException {
        checkNotCancelled();
        try {
            if (sleeper != null) {
                sleeper.sleep(duration);
            } else {
                long deadline = System.nanoTime() + duration.toNanos();
                synchronized (signal) {
                    for (long left = duration.toNanos(); !cancelled && left > 0; left = deadline - System.nanoTime()) {
                        TimeUnit.NANOSECONDS.timedWait(signal, left);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException("interrupted while waiting", e);
        }
        checkNotCancelled();
    }

    private Response once(URI uri) throws HarvestException {
        checkNotCancelled();
        synchronized (this) {
            requests++;
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT).GET().build();
        CompletableFuture<HttpResponse<CappedBody>> exchange = client.sendAsync(request, CappedBody.handler(maxBody));
        inFlight = exchange;
        if (cancelled) {
            exchange.cancel(true);
        }
        try {
            // The request timeout covers the wait for headers only; this bounds the body as well.
            HttpResponse<CappedBody> r = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r.body().truncated()) {
                // Not a page cut short (the next run would ask again, forever): an answer no page should be.
                throw new HarvestException("the answer from " + uri + " is larger than " + (maxBody >> 20) + " MB: not a page of records");
            }
            return new Response(uri, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(null), r.body().bytes());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HarvestException("no complete answer from " + uri + " within " + timeout.toSeconds() + " s (timeout)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new HarvestException("no answer from " + uri + " within " + timeout.toSeconds() + " s (timeout)", cause);
            }
            String why = cause instanceof java.net.ConnectException ? "cannot connect (is the address right? is the host up?)"
                    : cause != null && cause.getMessage() != null ? cause.getMessage() : String.valueOf(cause);
            throw new HarvestException("the request to " + uri + " failed: " + why, cause);
        } catch (java.util.concurrent.CancellationException e) {
            throw new HarvestException("stopped during the request to " + uri + ": the server is shutting down", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new HarvestException("interrupted during the request to " + uri, e);
        } finally {
            inFlight = null;
        }
    }

    private Duration retryAfter(Response response) {
        return response.retryAfter() == null ? DEFAULT_RETRY_AFTER
                : parseRetryAfter(response.retryAfter(), clock).orElse(DEFAULT_RETRY_AFTER);
    }

    /** {@code Retry-After} is delta-seconds or an HTTP date (RFC 9110 section 10.2.3); empty when unreadable. */
    static java.util.Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.strip();
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return java.util.Optional.empty();
            }
        }
    }
}
