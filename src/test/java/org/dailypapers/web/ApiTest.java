package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTest {
    static final String HF_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withFixtures(dataDir, "hf", "bad/2026-08-24.json").start();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void daily_papers_of_a_date_in_hugging_face_shape() throws Exception {
        HttpResponse<String> response = instance.get("/api/daily_papers?date=2026-08-21");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode items = json(response);
        assertThat(items).hasSize(17);
        JsonNode top = null;
        for (JsonNode item : items) {
            if (item.path("paper").path("id").asText().equals("2608.19880")) {
                top = item;
            }
            assertThat(item.path("publishedAt").asText()).matches(HF_TIMESTAMP);
            assertThat(item.path("paper").path("publishedAt").asText()).matches(HF_TIMESTAMP);
        }
        assertThat(top).isNotNull();
        assertThat(top.path("title").asText()).isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
        assertThat(top.path("paper").path("upvotes").asInt()).isEqualTo(163);
        assertThat(top.path("paper").path("authors").get(0).path("name").asText()).isEqualTo("Chengsong Huang");
        assertThat(top.path("paper").path("githubRepo").asText()).isEqualTo("https://github.com/google-research/envharness");
        assertThat(top.path("paper").path("organization").path("name").asText()).isEqualTo("google");
        assertThat(top.path("organization").path("fullname").asText()).isEqualTo("Google");
        assertThat(top.path("paper").path("publishedAt").asText()).isEqualTo("2026-08-20T00:00:00.000Z");
        assertThat(top.path("numComments").asInt()).isEqualTo(1);
    }

    @Test
    void pages_follow_the_link_header_without_overlap() throws Exception {
        List<String> ids = new ArrayList<>();
        String next = "/api/daily_papers?week=2026-W34&limit=10";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = instance.get(next);
            assertThat(response.statusCode()).isEqualTo(200);
            json(response).forEach(item -> ids.add(item.path("paper").path("id").asText()));
            next = response.headers().firstValue("link")
                    .map(link -> link.replaceFirst("^<http://[^/]+(/[^>]+)>; rel=\"next\"$", "$1"))
                    .orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(ids).hasSize(15 + 17).doesNotHaveDuplicates();
    }

    @Test
    void month_and_sort_by_upvotes() throws Exception {
        JsonNode items = json(instance.get("/api/daily_papers?month=2024-05&sort=upvotes&limit=3"));
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("paper").path("upvotes").asInt()).isEqualTo(33);
        assertThat(items.get(1).path("paper").path("upvotes").asInt()).isEqualTo(32);
    }

    @Test
    void without_a_period_the_latest_day_is_served() throws Exception {
        JsonNode items = json(instance.get("/api/daily_papers"));
        assertThat(items).hasSize(2);
        assertThat(items.findValuesAsText("id")).contains("2608.90001", "math/0211159");
    }

    @Test
    void a_paper_by_id_new_and_old_style_and_versioned() throws Exception {
        JsonNode paper = json(instance.get("/api/papers/2608.19880v1"));
        assertThat(paper.path("id").asText()).isEqualTo("2608.19880");
        assertThat(paper.path("submittedOnDailyAt").asText()).matches(HF_TIMESTAMP);
        assertThat(json(instance.get("/api/papers/math/0211159")).path("title").asText())
                .isEqualTo("The entropy formula for the Ricci flow");
    }

    @Test
    void each_item_names_its_submitter_and_its_feed_day_as_hugging_face_does() throws Exception {
        JsonNode items = json(instance.get("/api/daily_papers?date=2026-08-21&limit=100"));
        assertThat(items).isNotEmpty();
        int submitted = 0;
        for (JsonNode item : items) {
            // huggingface_hub reads the day from paper.submittedOnDailyAt; publishedAt (the submission) may be the day before
            assertThat(item.path("paper").path("submittedOnDailyAt").asText()).startsWith("2026-08-21T");
            if (item.has("submittedBy")) {
                submitted++;
                assertThat(item.path("submittedBy").path("name").asText()).isNotBlank();
                assertThat(item.path("paper").path("submittedOnDailyBy").path("name").asText())
                        .isEqualTo(item.path("submittedBy").path("name").asText());
            }
        }
        assertThat(submitted).isPositive();
    }

    @Test
    void unknown_papers_are_404_in_json() throws Exception {
        HttpResponse<String> response = instance.get("/api/papers/2608.00000");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).contains("2608.00000");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "date=2026-02-30", "date=yesterday", "week=2026-W60", "month=2026-13", "p=-1", "p=abc", "limit=0",
        "limit=101", "limit=1e3", "sort=random", "date=2026-08-21&month=2026-08", "date=%27%20OR%201%3D1--",
    })
    void bad_parameters_get_a_400_that_says_what_is_wrong(String query) throws Exception {
        HttpResponse<String> response = instance.get("/api/daily_papers?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isNotBlank();
    }

    @Test
    void a_malformed_id_is_a_400() throws Exception {
        HttpResponse<String> response = instance.get("/api/papers/%3Cscript%3E");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("is not an arXiv id");
    }
}
