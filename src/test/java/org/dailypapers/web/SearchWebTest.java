package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Search in the web app and API, BM25 side (the embedding model is not loaded here: see SimilarPapersTest). */
class SearchWebTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withFixtures(dataDir, "hf", "listings.jsonl.gz", "bad/2026-08-24.json").start();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> resultIds(String html) {
        Matcher m = Pattern.compile("<h3 id=\"t-\\d+\" class=\"title math\"><a href=\"/papers/([^\"]+)\"").matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void a_topic_query_finds_the_paper_and_marks_the_words() {
        HttpResponse<String> response = instance.get("/search?q=" + q("reconstructing 4D humans from a monocular video"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(resultIds(response.body())).first().isEqualTo("2608.20335");
        assertThat(response.body()).contains("<mark>monocular</mark>")
                .contains("value=\"reconstructing 4D humans from a monocular video\"");
    }

    @Test
    void every_page_has_a_search_box() {
        assertThat(instance.get("/").body()).contains("<form class=\"site-search\" action=\"/search\"");
        assertThat(instance.get("/papers/2608.19880").body()).contains("name=\"q\"");
    }

    @Test
    void author_syntax_and_phrases() {
        List<String> byAuthor = resultIds(instance.get("/search?q=" + q("author:\"Chengsong Huang\"")).body());
        assertThat(byAuthor).contains("2608.19880");
        List<String> phrase = resultIds(instance.get("/search?q=" + q("\"Awakening Static Worlds\"")).body());
        assertThat(phrase).containsExactly("2608.19880");
    }

    @Test
    void filters_restrict_results() {
        String html = instance.get("/search?q=" + q("learning") + "&org=google").body();
        assertThat(resultIds(html)).isNotEmpty().allSatisfy(id -> assertThat(instance.get("/papers/" + id).body()).contains("Google"));
        String withCode = instance.get("/search?q=" + q("learning") + "&code=yes&from=2026-08-01&to=2026-08-31").body();
        assertThat(resultIds(withCode)).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("2608."));
    }

    @Test
    void a_pasted_link_or_id_goes_straight_to_the_paper() {
        for (String pasted : List.of("https://arxiv.org/abs/2608.19880v2", "https://huggingface.co/papers/2608.19880", "2608.19880")) {
            HttpResponse<String> response = instance.get("/search?q=" + q(pasted));
            assertThat(response.statusCode()).as(pasted).isEqualTo(302);
            assertThat(response.headers().firstValue("location")).hasValue("/papers/2608.19880");
        }
        assertThat(instance.get("/search?q=" + q("2501.00000")).body()).contains("No paper 2501.00000 here yet.");
    }

    @Test
    void an_empty_query_gets_help_not_an_error() {
        HttpResponse<String> response = instance.get("/search");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Search by topic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"((( AND:", "\"unclosed", "author:", "*:*", "title:[a TO z]", "\\", "-", "org:", "a~2^3",
        "<script>alert(1)</script>", "' OR 1=1 --", "🙂 emoji"})
    void hostile_queries_get_a_page_never_a_500(String query) {
        HttpResponse<String> response = instance.get("/search?q=" + q(query));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(instance.get("/api/papers/search?q=" + q(query)).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=x&from=2026-02-30", "q=x&from=2026-08-02&to=2026-08-01", "q=x&cat=%3Cb%3E", "q=x&code=maybe",
        "q=x&p=-1", "q=x&p=999", "q=x&org=a%20b"})
    void bad_filters_get_a_400_page(String query) {
        HttpResponse<String> response = instance.get("/search?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<html");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "from=2026-08-02&to=2026-08-01 | from to | from 2026-08-02 is after to 2026-08-01",
        "from=2026-02-30               | from    | from '2026-02-30' is not a date: expected YYYY-MM-DD",
        "to=yesterday                  | to      | to 'yesterday' is not a date: expected YYYY-MM-DD",
        "cat=<b>                       | cat     | cat must be an arXiv category such as cs.CL, not '&lt;b&gt;'",
        "code=maybe                    | code    | code must be yes or no, not 'maybe'",
        "org=a b                       | org     | org must be an organization handle such as google, not 'a b'"})
    void bad_filters_show_the_search_form_again_with_everything_kept_and_what_is_wrong(String bad, String fields, String message) {
        Map<String, String> params = new LinkedHashMap<>();
        params.putAll(Map.of("q", "dense retrieval", "from", "2026-08-01", "to", "2026-08-21", "org", "google", "cat", "cs.CL", "code", "yes"));
        for (String pair : bad.split("&")) {
            params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=').append(q(v)));
        HttpResponse<String> response = instance.get("/search?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        String page = response.body();
        assertThat(page).doesNotContain("That request is not valid").contains("<h1>Search papers</h1>")
                .contains("id=\"search-error\"").contains(message)
                .contains("id=\"q\" name=\"q\" type=\"search\" value=\"dense retrieval\"")
                .contains("<details class=\"filters\" open>");
        for (String name : List.of("from", "to", "org", "cat")) {
            String value = params.get(name).replace("<", "&lt;"); // jte escapes < in attributes, not >
            assertThat(page).as(name).containsPattern("name=\"" + name + "\" type=\"\\w+\" value=\"" + Pattern.quote(value) + "\"|name=\""
                    + name + "\" value=\"" + Pattern.quote(value) + "\"");
        }
        if (!fields.equals("code")) {
            assertThat(page).contains("<option value=\"yes\" selected>");
        }
        for (String name : List.of("q", "from", "to", "org", "cat", "code")) {
            String invalid = "name=\"" + name + "\"[^<]*aria-describedby=\"search-error\" aria-invalid=\"true\"";
            if (List.of(fields.split(" ")).contains(name)) {
                assertThat(page).as(name).containsPattern(invalid);
            } else {
                assertThat(page).as(name).doesNotContainPattern(invalid);
            }
        }
        // the first field at fault has the focus, not the query
        assertThat(page).containsPattern("name=\"" + fields.split(" ")[0] + "\"[^<]*autofocus").doesNotContainPattern("name=\"q\"[^<]*autofocus");
        // a value that is not a date is shown as text (a date input would show it empty), to be corrected
        if (bad.startsWith("to=yesterday")) {
            assertThat(page).contains("name=\"to\" type=\"text\" value=\"yesterday\"");
        }
    }

    @Test
    void the_api_returns_items_like_daily_papers() throws Exception {
        HttpResponse<String> response = instance.get("/api/papers/search?q=" + q("4D humans monocular video") + "&limit=5");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = JSON.readTree(response.body());
        assertThat(items.size()).isBetween(1, 5);
        assertThat(items.get(0).path("paper").path("id").asText()).isEqualTo("2608.20335");
        assertThat(items.get(0).path("paper").path("upvotes").asInt()).isEqualTo(38);
        assertThat(items.get(0).path("publishedAt").asText()).matches(ApiTest.HF_TIMESTAMP);
    }

    @Test
    void the_api_without_a_query_lists_the_latest_days_papers_most_upvoted_first_as_hugging_face_answers_a_list() throws Exception {
        // huggingface_hub's list_papers() sends no q; Hugging Face answers with a list, so an error here breaks it
        HttpResponse<String> response = instance.get("/api/papers/search");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = JSON.readTree(response.body());
        JsonNode latestDay = JSON.readTree(instance.get("/api/daily_papers?sort=upvotes").body());
        assertThat(items.size()).isGreaterThan(1).isEqualTo(latestDay.size());
        assertThat(items.findValuesAsText("id")).isEqualTo(latestDay.findValuesAsText("id"));
        assertThat(response.headers().firstValue("X-Search-Method")).hasValue("latest");
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(items.size()));
        JsonNode first = JSON.readTree(instance.get("/api/papers/search?q=&limit=1").body());
        assertThat(first.findValuesAsText("id")).as("an empty q is no query; limit applies")
                .isEqualTo(latestDay.get(0).findValuesAsText("id"));
    }

    @Test
    void papers_only_in_the_arxiv_listing_are_found_too() throws Exception {
        JsonNode items = JSON.readTree(instance.get("/api/papers/search?q=" + q("Gaussian Splatting sensor simulation")).body());
        assertThat(items.findValuesAsText("id")).contains("2503.11731");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=x&limit=0", "q=x&limit=121", "limit=0", "q=x&limit=ten"})
    void bad_api_parameters_get_a_400(String query) throws Exception {
        HttpResponse<String> response = instance.get("/api/papers/search?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isNotBlank();
    }

    @Test
    void a_ten_kilobyte_query_gets_the_apps_own_400() throws Exception {
        String q = q("transformer ".repeat(800));
        HttpResponse<String> page = instance.get("/search?q=" + q);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<html").contains("the query is 9599 characters long; at most 1000");
        HttpResponse<String> api = instance.get("/api/papers/search?q=" + q);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(api.body()).path("error").asText()).isEqualTo("the query is 9599 characters long; at most 1000");
    }

    @Test
    void a_query_of_the_longest_allowed_length_is_searched_in_any_script() {
        // 1,000 CJK characters are 9,000 bytes percent-encoded: more than Jetty read by default
        assertThat(instance.get("/search?q=" + q("検".repeat(SearchForm.MAX_QUERY))).statusCode()).isEqualTo(200);
        assertThat(instance.get("/api/papers/search?q=" + q("検".repeat(SearchForm.MAX_QUERY))).statusCode()).isEqualTo(200);
    }

    @Test
    void a_request_beyond_what_the_server_reads_gets_a_json_error_not_jettys_page() throws Exception {
        for (String path : List.of("/search", "/api/papers/search")) {
            HttpResponse<String> tooLong = instance.get(path + "?q=" + q("transformer ".repeat(4000)));
            assertThat(tooLong.statusCode()).as(path).isEqualTo(414);
            assertThat(tooLong.headers().firstValue("content-type")).as(path).hasValue("application/json");
            assertThat(tooLong.headers().firstValue("x-content-type-options")).as(path).hasValue("nosniff");
            assertThat(JSON.readTree(tooLong.body()).path("error").asText())
                    .isEqualTo("The address is too long (at most 32 KB; a search query may have at most 1000 characters).");
        }
        HttpResponse<String> bigHeaders = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(instance.url("/search?q=x")))
                .header("X-Padding", "a".repeat(40_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeaders.statusCode()).isEqualTo(431);
        assertThat(JSON.readTree(bigHeaders.body()).path("error").asText()).isEqualTo("The request's headers are too large.");
    }

    @Test
    void a_malformed_request_gets_a_json_error_that_says_it_was_refused() throws Exception {
        assertThat(raw("GET /search?q=x HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("nosniff").contains("{\"error\":\"The request was refused (400): ");
        assertThat(raw("GET /search?q=x HTTP/9.9\r\nHost: localhost\r\n\r\n"))
                .contains("{\"error\":\"That HTTP version is not supported.\"}");
        // a body cut short or malformed is found out only when a handler reads it: still the client's fault
        String badChunk = "zz\r\nabc\r\n0\r\n\r\n";
        for (String type : List.of("application/json", "application/x-www-form-urlencoded")) {
            assertThat(raw("POST /api/papers/search?q=x HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + badChunk))
                    .as(type).startsWith("HTTP/1.1 400")
                    .contains("The request could not be read: its body ended early or was malformed.");
        }
    }

    /** Sends bytes as they are (no client would send these) and reads the answer until the server closes. */
    private static String raw(String request) throws Exception {
        URI uri = URI.create(instance.url("/"));
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void results_are_paginated_without_overlap() {
        String first = instance.get("/search?q=" + q("model")).body();
        String second = instance.get("/search?q=" + q("model") + "&p=1").body();
        assertThat(resultIds(first)).hasSize(SearchRoutes.PAGE_SIZE);
        assertThat(first).contains("rel=\"next\" href=\"/search?q=model&amp;p=1\"");
        assertThat(resultIds(second)).isNotEmpty().doesNotContainAnyElementsOf(resultIds(first));
    }

    @Test
    void a_page_past_the_last_says_where_the_results_end_and_links_back_to_it() {
        int pages = 0;
        while (!resultIds(instance.get("/search?q=" + q("model") + "&p=" + pages).body()).isEmpty()) {
            pages++;
        }
        assertThat(pages).isBetween(1, SearchRoutes.MAX_PAGE - 1);
        String past = instance.get("/search?q=" + q("model") + "&p=" + (pages + 1)).body();
        assertThat(past).contains("No more results: they end on page " + pages + ".")
                .contains("href=\"/search?q=model&amp;p=" + (pages - 1) + "\"")
                .doesNotContain("No papers match");

        // here the ranking holds every matching paper, so the last page has no "end of the ranking" note (SearchPageTest)
        String last = instance.get("/search?q=" + q("model") + "&p=" + (pages - 1)).body();
        int ranked = (pages - 1) * SearchRoutes.PAGE_SIZE + resultIds(last).size();
        assertThat(last).contains(String.format(java.util.Locale.ROOT, "About %,d papers", ranked)).doesNotContain("end of the ranking");
    }

    @Test
    void a_page_past_the_end_of_no_results_offers_no_way_back_to_results() {
        String none = instance.get("/search?q=" + q("zzqxjv qqwxz") + "&p=3").body();
        assertThat(none).contains("No papers match").doesNotContain("rel=\"prev\"");
    }

    @Test
    void a_query_with_nothing_to_search_for_plus_filters_lists_what_the_filters_select() {
        List<String> filtersOnly = resultIds(instance.get("/search?q=&org=google").body());
        assertThat(filtersOnly).isNotEmpty();
        for (String nothing : List.of("!!!", "\u200B", "-")) {
            assertThat(resultIds(instance.get("/search?q=" + q(nothing) + "&org=google").body())).as(nothing)
                    .isEqualTo(filtersOnly);
        }
    }
}
