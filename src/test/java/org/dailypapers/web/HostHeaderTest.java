package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's Host header never ends up in an absolute URL that is not this site's: without a base URL a foreign
 * Host is refused (400) before anything is built from it, with one every absolute URL uses the base URL. Answers
 * with absolute URLs say how a shared cache may keep them. Raw sockets, since Java's HTTP client will not send a
 * Host header of our choosing.
 */
class HostHeaderTest {
    @TempDir
    Path dataDir;

    @Test
    void without_a_base_url_a_foreign_host_is_refused_everywhere() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf").start()) {
            for (String path : new String[] {"/rss", "/", "/api/daily_papers?date=2026-08-21&limit=2", "/health",
                    "/papers/date/2026-08-21/rss"}) {
                String answer = get(instance, path, "evil.example");
                assertThat(statusLine(answer)).as(path).contains(" 400 ");
                assertThat(answer).as(path).doesNotContain("http://evil.example").contains("DAILYPAPERS_BASE_URL");
            }
            String signIn = request(instance, "POST /signin HTTP/1.1\r\nHost: evil.example:80\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 21\r\nConnection: close\r\n\r\n"
                    + "email=a%40example.org");
            assertThat(statusLine(signIn)).contains(" 400 ");
            assertThat(instance.app().outbox().newest(10)).isEmpty();
        }
    }

    @Test
    void without_a_base_url_this_machines_hosts_are_answered_with_their_own_links() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf").start()) {
            int port = URI.create(instance.url("/")).getPort();
            for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST"}) {
                String rss = get(instance, "/rss", host);
                assertThat(statusLine(rss)).as(host).contains(" 200 ");
                assertThat(rss).as(host).contains("<link>http://" + host.toLowerCase(java.util.Locale.ROOT) + "/papers/2608.19880</link>");
            }
            String rss = get(instance, "/rss", "localhost:" + port);
            assertThat(header(rss, "Vary")).isEqualTo("Host");
            assertThat(header(rss, "Cache-Control")).startsWith("public");
            String api = get(instance, "/api/daily_papers?date=2026-08-21&limit=2", "127.0.0.1:" + port);
            assertThat(header(api, "Link")).startsWith("<http://127.0.0.1:" + port + "/api/daily_papers?");
            assertThat(header(api, "Vary")).isEqualTo("Host");
            assertThat(header(api, "Cache-Control")).startsWith("public");
        }
    }

    @Test
    void allowed_hosts_are_answered_too() throws Exception {
        try (TestInstance instance = TestInstance.withEnv(dataDir,
                Map.of("DAILYPAPERS_ALLOWED_HOSTS", "papers.example.org, 192.0.2.7:8080"), "hf").start()) {
            assertThat(get(instance, "/rss", "papers.example.org:8080")).contains("<link>http://papers.example.org:8080/papers/2608.19880</link>");
            assertThat(statusLine(get(instance, "/health", "Papers.Example.Org"))).contains(" 200 ");
            assertThat(statusLine(get(instance, "/health", "192.0.2.7"))).contains(" 200 ");
            assertThat(statusLine(get(instance, "/health", "evil.example"))).contains(" 400 ");
            assertThat(statusLine(get(instance, "/health", "papers.example.org.evil.example"))).contains(" 400 ");
        }
    }

    @Test
    void with_a_base_url_every_absolute_url_uses_it_whatever_the_host() throws Exception {
        try (TestInstance instance = TestInstance.withEnv(dataDir,
                Map.of("DAILYPAPERS_BASE_URL", "https://papers.example.org/dp/"), "hf").start()) {
            String rss = get(instance, "/rss", "evil.example");
            assertThat(statusLine(rss)).contains(" 200 ");
            assertThat(rss).doesNotContain("evil.example")
                    .contains("<link>https://papers.example.org/dp/papers/2608.19880</link>")
                    .contains("<guid>https://papers.example.org/dp/papers/2608.19880</guid>"); // isPermaLink is true by default
            String api = get(instance, "/api/daily_papers?date=2026-08-21&limit=2", "evil.example");
            assertThat(header(api, "Link")).startsWith("<https://papers.example.org/dp/api/daily_papers?");
        }
    }

    private static String get(TestInstance instance, String path, String host) throws IOException {
        return request(instance, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private static String request(TestInstance instance, String raw) throws IOException {
        try (Socket s = new Socket("127.0.0.1", URI.create(instance.url("/")).getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String statusLine(String answer) {
        return answer.substring(0, answer.indexOf("\r\n"));
    }

    private static String header(String answer, String name) {
        for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }
}
