package org.dailypapers.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Solr's HTTP API as the app uses it, over the JDK's {@link HttpClient} and Jackson (no solrj: its Jetty 10 would
 * clash with the web server's Jetty 12). Any node of a SolrCloud cluster routes a request to the shards and
 * replicas that serve it, so the client knows several node URLs and, when one cannot be reached, tries the next:
 * a node that is down costs a failed connection, not a failed search. Thread-safe.
 */
public final class SolrHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> nodes;
    private final HttpClient http;
    private final Duration timeout;
    /** The node that answered last: tried first, so a dead node is not asked on every request. */
    private final AtomicInteger preferred = new AtomicInteger();

    /**
     * @param nodeUrls base URLs of Solr nodes, e.g. {@code http://solr1:8983/solr}, comma-separated (at least one)
     */
    public SolrHttp(String nodeUrls, Duration timeout) {
        this(nodeUrls, timeout, Duration.ofSeconds(3));
    }

    /**
     * @param timeout how long a request may wait for its answer
     * @param connectTimeout how long a connection to one node may take before the next node is tried
     */
    public SolrHttp(String nodeUrls, Duration timeout, Duration connectTimeout) {
        List<URI> list = new ArrayList<>();
        for (String u : nodeUrls.split(",")) {
            String s = u.strip();
            if (!s.isEmpty()) {
                URI uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("a Solr URL must be http(s)://host:port/solr: " + s);
                }
                list.add(uri);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no Solr URL given");
        }
        this.nodes = List.copyOf(list);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    public List<URI> nodes() {
        return nodes;
    }

    /** {@code GET path?params}; path is relative to a node's base URL, e.g. {@code admin/collections}. */
    public JsonNode get(String path, Map<String, String> params) {
        return send(path, params, null, null);
    }

    /** {@code POST path} with a JSON body (a tree or anything Jackson can write). */
    public JsonNode postJson(String path, Map<String, String> params, Object body) {
        try {
            return send(path, params, JSON.writeValueAsBytes(body), "application/json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a Solr request body", e);
        }
    }

    /** {@code POST path} with raw bytes of a content type (e.g. a configset's zip). */
    public JsonNode postBytes(String path, Map<String, String> params, byte[] body, String contentType) {
        return send(path, params, body, contentType);
    }

    private JsonNode send(String path, Map<String, String> params, byte[] body, String contentType) {
        Map<String, String> all = new HashMap<>(params);
        all.put("wt", "json");
        StringBuilder query = new StringBuilder();
        all.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        SolrException lastDown = null;
        int first = preferred.get();
        for (int i = 0; i < nodes.size(); i++) {
            int n = (first + i) % nodes.size();
            URI uri = URI.create(nodes.get(n) + "/" + path + "?" + query);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                lastDown = new SolrException("Solr node " + nodes.get(n) + " cannot be reached: " + e, e, true);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SolrException("interrupted while waiting for Solr", e, true);
            }
            if (response.statusCode() == 503 || response.statusCode() == 502) { // a node without a live replica
                lastDown = new SolrException("Solr node " + nodes.get(n) + " answered " + response.statusCode()
                        + ": " + message(response.body()), null, true);
                continue;
            }
            preferred.set(n);
            JsonNode json = parse(response.body());
            if (response.statusCode() / 100 != 2) {
                throw new SolrException("Solr answered " + response.statusCode() + " to " + path + ": "
                        + message(response.body()), null, response.statusCode() >= 500);
            }
            return json;
        }
        throw lastDown;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Solr's answer is not JSON", e);
        }
    }

    private static String message(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.has("msg")) {
                return error.get("msg").asText();
            }
        } catch (IOException ignored) {
            // not JSON: the raw text says more
        }
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The names of a JSON object's fields (Jackson's iterator as a list). */
    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    static ObjectMapper json() {
        return JSON;
    }
}
