package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A form POST whose Content-Type names a charset Java does not know (or cannot even name) is the client's
 * fault: every POST route answers 415 with a message saying so, without a session, and logs no stack trace
 * (which anyone could otherwise use to flood the log).
 */
class FormCharsetTest {
    static final List<String> POST_ROUTES = List.of("/signin", "/signin/verify", "/signout", "/account", "/submit",
            "/papers/2608.19880/upvote", "/admin/papers/2608.19880", "/digest/subscribe", "/digest/unsubscribe",
            "/account/tokens", "/api/papers/submit");
    static final List<String> BAD_CHARSETS = List.of("x-unknown", "\"\"", "@@@", "\"", "utf-8'");

    @TempDir
    static Path dataDir;

    static TestInstance instance;
    final HttpClient http = HttpClient.newHttpClient();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void start() {
        instance = TestInstance.withFixtures(dataDir, "hf").start();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @BeforeEach
    void listen() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void unlisten() {
        root().detachAppender(log);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void every_post_route_refuses_an_unknown_or_illegal_charset_with_400_and_no_stack_trace() throws Exception {
        int tried = 0;
        for (String route : POST_ROUTES) {
            for (String charset : BAD_CHARSETS) {
                HttpResponse<String> response = post(route, "application/x-www-form-urlencoded; charset=" + charset);
                assertThat(response.statusCode()).as("%s with charset=%s", route, charset).isEqualTo(415);
                assertThat(response.body()).as("%s with charset=%s", route, charset)
                        .contains("character set").doesNotContain("Exception").doesNotContain("java.");
                tried++;
            }
        }
        assertThat(tried).isEqualTo(POST_ROUTES.size() * BAD_CHARSETS.size());
        assertThat(log.list).as("log events with a stack trace").noneMatch(e -> e.getThrowableProxy() != null);
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)))
                .as("warnings and errors").isEmpty();
    }

    @Test
    void the_message_names_the_refused_charset() throws Exception {
        HttpResponse<String> response = post("/digest/subscribe", "application/x-www-form-urlencoded; charset=x-unknown");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("x-unknown");
    }

    @Test
    void a_known_charset_in_any_spelling_still_works() throws Exception {
        // ISO-8859-1 and a quoted, upper-case UTF-8 are legal: the request reaches the route (which refuses
        // it for its own reason: no CSRF token), not the charset check
        for (String charset : List.of("ISO-8859-1", "\"UTF-8\"", "utf-8")) {
            HttpResponse<String> response = post("/digest/subscribe", "application/x-www-form-urlencoded; charset=" + charset);
            assertThat(response.body()).as(charset).doesNotContain("character set");
        }
    }

    private HttpResponse<String> post(String path, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(instance.url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
