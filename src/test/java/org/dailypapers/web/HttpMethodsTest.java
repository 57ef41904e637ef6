package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEAD answers as GET would, without a body (RFC 9110, 9.3.2); a method an address does not answer gets 405 with
 * Allow. Over a raw socket, so that nothing is normalised.
 */
class HttpMethodsTest {
    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withFixtures(dataDir, "hf").start();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    private static RawHttp.Response send(String method, String target, Map<String, String> headers) throws IOException {
        return RawHttp.send(URI.create(instance.url("")), method, target, headers, null);
    }

    @Test
    void head_gets_the_status_and_headers_of_get_and_no_body() throws IOException {
        List<String> targets = List.of("/", "/papers/2608.19880", "/papers/2608.19880v2", "/papers/9999.99999",
                "/papers/date/2026-13-01", "/api/daily_papers?limit=-1", "/api/daily_papers?date=2026-08-21",
                "/api/papers/2608.19880", "/api/papers/9999.99999", "/rss", "/papers/date/2026-08-21/atom", "/account",
                "/for-you", "/search?q=agents", "/no/such/page");
        for (String target : targets) {
            RawHttp.Response get = send("GET", target, Map.of());
            RawHttp.Response head = send("HEAD", target, Map.of());
            assertThat(head.status()).as("HEAD " + target).isEqualTo(get.status());
            assertThat(head.body()).as("HEAD " + target).isEmpty();
            for (String name : List.of("content-type", "location", "etag", "last-modified", "cache-control")) {
                assertThat(head.header(name)).as("HEAD %s: %s", target, name).isEqualTo(get.header(name));
            }
        }
        assertThat(send("HEAD", "/papers/9999.99999", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void a_feed_reader_polling_with_head_gets_validators_and_304() throws IOException {
        RawHttp.Response head = send("HEAD", "/rss", Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("content-type")).startsWith("application/rss+xml");
        assertThat(head.header("etag")).isNotEmpty();
        assertThat(send("HEAD", "/rss", Map.of("If-None-Match", head.header("etag"))).status()).isEqualTo(304);
    }

    @Test
    void a_method_the_address_does_not_answer_gets_405_with_allow_before_any_csrf_check() throws IOException {
        for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FROB")) {
            RawHttp.Response r = send(method, "/api/daily_papers", Map.of());
            assertThat(r.status()).as(method).isEqualTo(405);
            assertThat(r.header("allow")).as(method).isEqualTo("GET, HEAD");
            assertThat(r.header("content-type")).as(method).startsWith("application/json");
        }
        RawHttp.Response post = send("POST", "/papers/2608.19880", Map.of());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("allow")).isEqualTo("GET, HEAD");
        assertThat(post.body()).contains("answers GET, HEAD, not POST");
        // an address that does answer POST still wants the CSRF token first
        RawHttp.Response vote = send("POST", "/papers/2608.19880/upvote", Map.of());
        assertThat(vote.status()).isEqualTo(403);
        assertThat(send("DELETE", "/papers/2608.19880/upvote", Map.of()).header("allow")).contains("POST");
        assertThat(send("GET", "/no/such/page", Map.of()).status()).isEqualTo(404);
        assertThat(send("PUT", "/no/such/page", Map.of()).status()).isEqualTo(404);
    }
}
