package org.dailypapers.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.dailypapers.testing.ReplayServer.Reply;
import org.junit.jupiter.api.Test;

class ReplayServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(ReplayServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.url(path)).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void replies_in_order_then_repeats_the_last_and_records_requests() throws Exception {
        try (ReplayServer server = ReplayServer.start()) {
            server.when(r -> r.query().contains("page"),
                    Reply.status(503, "busy", "text/plain").withHeader("Retry-After", "1"), Reply.ok("one", "text/plain"));
            assertThat(get(server, "/x?page=1").statusCode()).isEqualTo(503);
            assertThat(get(server, "/x?page=1").body()).isEqualTo("one");
            assertThat(get(server, "/x?page=1").body()).isEqualTo("one");
            assertThat(get(server, "/y").statusCode()).isEqualTo(404);
            assertThat(server.requests()).extracting(ReplayServer.Request::path).containsExactly("/x", "/x", "/x", "/y");
        }
    }

    @Test
    void a_delayed_reply_times_out_and_a_dropped_one_breaks_mid_body() {
        try (ReplayServer server = ReplayServer.start()) {
            server.when(r -> r.path().equals("/slow"), Reply.ok("late", "text/plain").delayedBy(Duration.ofSeconds(3)));
            server.when(r -> r.path().equals("/drop"), Reply.ok("x".repeat(10_000), "text/plain").droppedAfter(100));
            assertThatThrownBy(() -> get(server, "/slow")).isInstanceOf(HttpTimeoutException.class);
            assertThatThrownBy(() -> get(server, "/drop")).isInstanceOf(IOException.class);
        }
    }
}
