package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.ArxivReplay;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.ReplayServer;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Personal API tokens over HTTP, on SQLite and PostgreSQL: made on /account/tokens (shown once), listed with
 * when they were last used, revoked; {@code POST /api/papers/submit} with one submits under the web form's rules;
 * bad, revoked and guessed tokens get 401 and then 429; secrets never appear in exports.
 */
class ApiTokenTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern SECRET = Pattern.compile("class=\"copy-field\"[^>]*>(dp_[A-Za-z0-9_-]{43})</textarea>");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    static TestInstance instance(Path dir, String store, ReplayServer arxiv) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("DAILYPAPERS_ARXIV_API_URL", ArxivReplay.baseUrl(arxiv).toString(),
                "DAILYPAPERS_SUBMIT_DAILY_LIMIT", "1"));
        if (store.equals("postgresql")) {
            TestPostgres.requireServer();
            env.put("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase());
        }
        // a day when the recorded paper was new on arXiv
        return TestInstance.withClock(dir, env, new MutableClock(java.time.Instant.parse("2016-06-01T16:00:00Z"))).start();
    }

    static HttpResponse<String> submit(TestInstance instance, String authorization, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url("/api/papers/submit")))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String makeToken(Visitor visitor, String name) {
        visitor.get("/account/tokens");
        HttpResponse<String> made = visitor.post("/account/tokens", fields("name", name));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("cache-control")).hasValue("no-store");
        Matcher m = SECRET.matcher(made.body());
        assertThat(m.find()).as("the new token is shown").isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_token_made_on_the_account_page_submits_a_paper_and_is_revocable(String store) throws Exception {
        try (ReplayServer arxiv = ArxivReplay.serve(ReplayServer.start(), "id_1605.08386_s0_m100_199195aa31ad");
                TestInstance instance = instance(dir, store, arxiv)) {
            Visitor ada = instance.signedIn("ada@example.org");
            String secret = makeToken(ada, "workstation <script>alert(1)</script>");

            HttpResponse<String> list = ada.get("/account/tokens");
            assertThat(list.body()).doesNotContain(secret).contains("workstation &lt;script&gt;").doesNotContain("<script>alert")
                    .contains("never");

            // the form's rules apply: the same paper twice is refused with the reason, as JSON
            HttpResponse<String> submitted = submit(instance, "Bearer " + secret, "application/json", "{\"paper\": \"1605.08386\"}");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            assertThat(submitted.headers().firstValue("location")).hasValue("/api/papers/1605.08386");
            JsonNode paper = JSON.readTree(submitted.body());
            assertThat(paper.path("id").asText()).isEqualTo("1605.08386");
            String handle = paper.path("submittedOnDailyBy").path("user").asText();
            assertThat(handle).startsWith("ad-");
            assertThat(JSON.readTree(instance.get("/api/daily_papers?submitter=" + handle).body())).hasSize(1);
            HttpResponse<String> again = submit(instance, "Bearer " + secret, "application/x-www-form-urlencoded", "paper=1605.08386");
            assertThat(again.statusCode()).isBetween(400, 429);
            assertThat(JSON.readTree(again.body()).path("error").asText()).isNotEmpty();
            assertThat(ada.get("/account/tokens").body()).doesNotContain("never");

            // the export names the token and never its secret
            String export = JSON.writeValueAsString(instance.app().apiTokenData().export(instance.app().accounts()
                    .openSession(org.dailypapers.mail.EmailAddress.parse("ada@example.org")).session().account().id()));
            assertThat(export).contains("workstation").doesNotContain(secret).doesNotContain("dp_");

            // another person cannot revoke it; its owner can, and then it opens nothing
            Visitor bob = instance.signedIn("bob@example.org");
            String id = Pattern.compile("/account/tokens/([A-Za-z0-9_-]+)/revoke").matcher(list.body()).results()
                    .findFirst().orElseThrow().group(1);
            bob.get("/account/tokens");
            assertThat(bob.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(404);
            assertThat(ada.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(303);
            assertThat(ada.get("/account/tokens").body()).doesNotContain("workstation");
            HttpResponse<String> revoked = submit(instance, "Bearer " + secret, "application/json", "{\"paper\": \"1605.08386\"}");
            assertThat(revoked.statusCode()).isEqualTo(401);
            assertThat(revoked.headers().firstValue("www-authenticate")).hasValue("Bearer");
            assertThat(revoked.body()).doesNotContain(secret);
        }
    }

    @Test
    void missing_malformed_and_guessed_tokens_get_401_then_429_and_bad_bodies_400() throws Exception {
        try (ReplayServer arxiv = ArxivReplay.serve(ReplayServer.start(), "id_1605.08386_s0_m100_199195aa31ad");
                TestInstance instance = instance(dir, "sqlite", arxiv)) {
            String secret = makeToken(instance.signedIn("ada@example.org"), "ci");
            HttpResponse<String> bad = submit(instance, "Bearer " + secret, "application/json", "{\"paper\": 5}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(submit(instance, "Bearer " + secret, "application/json", "not json").statusCode()).isEqualTo(400);

            assertThat(submit(instance, null, "application/json", "{\"paper\": \"1605.08386\"}").statusCode()).isEqualTo(401);
            for (String header : new String[] {"Basic YTpi", "Bearer", "Bearer dp_short", "Bearer " + "x".repeat(5000)}) {
                HttpResponse<String> response = submit(instance, header, "application/json", "{\"paper\": \"1605.08386\"}");
                assertThat(response.statusCode()).as(header).isEqualTo(401);
                assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            }
            // guessing: after 20 failures from one client in 10 minutes, even the right token is refused
            String guess = "Bearer dp_" + "A".repeat(43);
            int status = 0;
            for (int i = 0; i < 20 && status != 429; i++) {
                status = submit(instance, guess, "application/json", "{\"paper\": \"1605.08386\"}").statusCode();
            }
            assertThat(status).isEqualTo(429);
            HttpResponse<String> blocked = submit(instance, "Bearer " + secret, "application/json", "{\"paper\": \"1605.08386\"}");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(blocked.body()).path("error").asText()).contains("Too many");
        }
    }

    @Test
    void token_pages_need_a_session_and_a_csrf_token_and_a_name() throws Exception {
        try (ReplayServer arxiv = ArxivReplay.serve(ReplayServer.start(), "id_1605.08386_s0_m100_199195aa31ad");
                TestInstance instance = instance(dir, "sqlite", arxiv)) {
            Visitor stranger = new Visitor(instance::url);
            assertThat(stranger.get("/account/tokens").statusCode()).isEqualTo(401);
            Visitor ada = instance.signedIn("ada@example.org");
            assertThat(ada.postRaw("/account/tokens", fields("name", "x"), Map.of()).statusCode()).isEqualTo(403);
            HttpResponse<String> unnamed = ada.post("/account/tokens", fields("name", "  "));
            assertThat(unnamed.statusCode()).isEqualTo(400);
            assertThat(unnamed.body()).contains("needs a name");
            assertThat(ada.post("/account/tokens", fields("name", "n".repeat(81))).statusCode()).isEqualTo(400);
            assertThat(instance.get("/account").statusCode()).isNotEqualTo(500);
            assertThat(ada.get("/account").body()).contains("href=\"/account/tokens\"");
        }
    }

    @Test
    void erasing_a_persons_data_deletes_their_tokens_and_only_theirs() throws Exception {
        try (ReplayServer arxiv = ArxivReplay.serve(ReplayServer.start(), "id_1605.08386_s0_m100_199195aa31ad");
                TestInstance instance = instance(dir, "sqlite", arxiv);
                var db = org.dailypapers.store.Database.open(instance.app().config().database())) {
            String adaSecret = makeToken(instance.signedIn("ada@example.org"), "ada's");
            String bobSecret = makeToken(instance.signedIn("bob@example.org"), "bob's");
            String adaId = instance.app().accounts().openSession(org.dailypapers.mail.EmailAddress.parse("ada@example.org"))
                    .session().account().id();
            var data = instance.app().apiTokenData();
            assertThat(data.section()).isEqualTo("apiTokens");
            db.jdbi().useTransaction(h -> data.erase(h, adaId));

            assertThat((java.util.List<?>) data.export(adaId)).isEmpty();
            assertThat(submit(instance, "Bearer " + adaSecret, "application/json", "{\"paper\": \"1605.08386\"}").statusCode()).isEqualTo(401);
            assertThat(submit(instance, "Bearer " + bobSecret, "application/json", "{\"paper\": \"1605.08386\"}").statusCode()).isEqualTo(201);
        }
    }
}
