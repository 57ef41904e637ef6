package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.ingest.ImportSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start's port is open while the demo loads: pages say how far loading has got and reload
 * themselves, the API says 503 with Retry-After, /health says starting; then everything is served.
 */
class StartupPageTest {
    @TempDir
    Path dataDir;

    @Test
    void while_the_demo_loads_every_page_says_how_far_it_has_got_then_the_feed_is_served() throws Exception {
        try (TestInstance instance = TestInstance.withEnv(dataDir, Map.of("DAILYPAPERS_DEMO", "true")).start()) {
            // The server answers before loading has begun (serve opens the port first).
            for (String path : new String[] {"/", "/papers/date/2026-08-21", "/search?q=retrieval", "/papers/2406.09414"}) {
                HttpResponse<String> page = instance.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(503);
                assertThat(page.headers().firstValue("Cache-Control")).as(path).contains("no-store");
                assertThat(page.headers().firstValue("Retry-After")).as(path).contains("2");
                assertThat(page.body()).as(path).contains("<meta http-equiv=\"refresh\" content=\"2\">", "Daily Papers is starting");
            }
            HttpResponse<String> api = instance.get("/api/daily_papers");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains("2");
            assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(api.body()).contains("\"error\"");
            HttpResponse<String> health = instance.get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"starting\"");
            assertThat(instance.get("/assets/app.css").statusCode()).as("the loading page has its style").isEqualTo(200);

            CompletableFuture<java.util.Optional<ImportSummary>> loading = CompletableFuture.supplyAsync(() -> instance.app().loadDemoIfEmpty());
            Pattern progress = Pattern.compile("Loading the demo dataset: ([\\d,]+) of 9,877 papers");
            long seenLoading = -1;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!loading.isDone() && System.nanoTime() < deadline) {
                HttpResponse<String> page = instance.get("/");
                Matcher m = progress.matcher(page.body());
                if (page.statusCode() == 503 && m.find()) {
                    long n = Long.parseLong(m.group(1).replace(",", ""));
                    assertThat(n).as("progress only grows").isGreaterThanOrEqualTo(Math.max(seenLoading, 0));
                    seenLoading = n;
                    assertThat(page.body()).contains("<progress max=\"9877\" value=\"" + n + "\">");
                }
                Thread.sleep(20);
            }
            assertThat(loading.get().orElseThrow().created()).isEqualTo(9_877);
            assertThat(seenLoading).as("the loading page showed the import's progress").isGreaterThanOrEqualTo(0);

            HttpResponse<String> ready = instance.get("/");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("<h1>Latest papers: ").doesNotContain("is starting");
            assertThat(instance.get("/api/daily_papers").statusCode()).isEqualTo(200);
            assertThat(instance.get("/health").body()).contains("\"status\":\"ok\"");
        }
    }

    @Test
    void an_instance_with_data_is_ready_at_once() {
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf").start()) {
            assertThat(instance.get("/").statusCode()).isEqualTo(200);
            assertThat(instance.get("/health").statusCode()).isEqualTo(200);
        }
    }
}
