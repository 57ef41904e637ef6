package org.dailypapers.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A local HTTP server that stands in for an external service (arXiv, Hugging Face) in tests: it answers
 * requests with recorded responses, in the order they were queued for a matching request, and remembers
 * every request it saw. The one fake we allow: at the true external edge, speaking real HTTP.
 *
 * <pre>{@code
 * try (ReplayServer arxiv = ReplayServer.start()) {
 *     arxiv.when(r -> r.query().contains("verb=ListRecords"), Reply.ok(xml, "text/xml"));
 *     ... client with base URL arxiv.url("/oai2") ...
 *     assertThat(arxiv.requests()).hasSize(1);
 * }
 * }</pre>
 */
public final class ReplayServer implements AutoCloseable {
    /** What a request looked like: method, path, raw query (empty when none), headers and body. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {}

    /**
     * One response: status, headers and body; {@code delay} before the headers are sent (for timeouts);
     * {@code dropAfter} bytes of the body are sent and then the connection is cut (a drop mid-page), or -1;
     * {@code trickle} is the pause after each byte of the body (a server that answers but never finishes), or zero.
     */
    public record Reply(int status, Map<String, String> headers, byte[] body, Duration delay, int dropAfter, Duration trickle) {
        public Reply(int status, Map<String, String> headers, byte[] body, Duration delay, int dropAfter) {
            this(status, headers, body, delay, dropAfter, Duration.ZERO);
        }

        public static Reply ok(String body, String contentType) {
            return status(200, body, contentType);
        }

        public static Reply status(int status, String body, String contentType) {
            return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, -1);
        }

        public static Reply file(Path file, String contentType) {
            try {
                return new Reply(200, Map.of("Content-Type", contentType), Files.readAllBytes(file), Duration.ZERO, -1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, body, delay, dropAfter, trickle);
        }

        public Reply delayedBy(Duration wait) {
            return new Reply(status, headers, body, wait, dropAfter, trickle);
        }

        /** Sends the headers and the first {@code bytes} of the body, then cuts the connection. */
        public Reply droppedAfter(int bytes) {
            return new Reply(status, headers, body, delay, bytes, trickle);
        }

        /** Sends the headers at once, then the body one byte every {@code pause}. */
        public Reply trickled(Duration pause) {
            return new Reply(status, headers, body, delay, dropAfter, pause);
        }
    }

    private record Rule(Predicate<Request> matches, Deque<Reply> replies) {}

    private final HttpServer server;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private ReplayServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public static ReplayServer start() {
        try {
            return new ReplayServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Queues replies for requests that match: each matching request takes the next reply, and the last one
     * repeats. Rules are tried in the order they were added; a request no rule matches gets a 404.
     */
    public ReplayServer when(Predicate<Request> matches, Reply... replies) {
        rules.add(new Rule(matches, new ArrayDeque<>(List.of(replies))));
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The absolute URL of {@code path} on this server. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Reply reply = next(request);
        try (exchange) {
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            OutputStream out = exchange.getResponseBody();
            if (reply.dropAfter() >= 0) {
                out.write(reply.body(), 0, Math.min(reply.dropAfter(), reply.body().length));
                out.flush();
                throw new IOException("connection dropped on purpose");
            }
            if (!reply.trickle().isZero()) {
                for (byte b : reply.body()) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(reply.trickle().toMillis());
                }
                return;
            }
            out.write(reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply next(Request request) {
        for (Rule rule : rules) {
            if (rule.matches().test(request)) {
                synchronized (rule.replies()) {
                    return rule.replies().size() > 1 ? rule.replies().poll() : rule.replies().peek();
                }
            }
        }
        return Reply.status(404, "no recorded response for " + request.method() + " " + request.path() + "?" + request.query(), "text/plain");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
