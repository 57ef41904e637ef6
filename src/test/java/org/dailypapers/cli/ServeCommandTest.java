package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} says at start about where mail goes, and that it opens its port before the demo is loaded. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void without_smtp_the_console_names_the_outbox_directory_and_the_mailbox_url() {
        try (TestInstance instance = TestInstance.withFixtures(dir.resolve("outbox-data"))) {
            assertThat(ServeCommand.mailLine(instance.app(), 4321))
                    .contains(dir.resolve("outbox-data").resolve("outbox").toString(), "http://localhost:4321/dev/mailbox");
        }
    }

    @Test
    void with_smtp_the_console_names_the_mail_server() {
        try (TestInstance instance = TestInstance.withEnv(dir.resolve("smtp-data"), Map.of("DAILYPAPERS_SMTP_HOST", "mail.example.org",
                "DAILYPAPERS_SMTP_PORT", "2525", "DAILYPAPERS_BASE_URL", "https://papers.example.org"))) {
            assertThat(ServeCommand.mailLine(instance.app(), 4321)).contains("SMTP server mail.example.org:2525").doesNotContain("mailbox");
        }
    }

    @Test
    void the_port_answers_with_the_loading_page_while_the_demo_loads() throws Exception {
        Path dataDir = dir.resolve("demo-data");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // --exit-when-ready: loads the demo, requests a few pages, stops (surefire keeps harvesting off).
        CompletableFuture<MainTest.Run> serve = CompletableFuture.supplyAsync(() -> MainTest.run(
                "serve", "--data", dataDir.toString(), "--port", Integer.toString(port), "--exit-when-ready"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> loading = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (loading == null && !serve.isDone() && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.body().contains("Loading the demo dataset: ")) {
                    loading = r;
                }
            } catch (java.io.IOException notYetOpen) {
                Thread.sleep(20);
            }
        }
        assertThat(loading).as("a loading page was served before serve finished loading").isNotNull();
        assertThat(loading.statusCode()).isEqualTo(503);
        assertThat(loading.body()).contains("of 9,877 papers");
        assertThat(serve.get().exitCode()).isZero();
    }
}
