package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /authors/{name}} over real HTTP, and the links to it from paper pages. */
class AuthorPageTest {
    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        // Yinghao Xu wrote 2608.20335 (August 2026) and 2405.17414 (May 2024)
        instance = TestInstance.withFixtures(dataDir, "hf").start();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void an_author_page_lists_every_paper_of_that_author_newest_first_with_the_count() {
        HttpResponse<String> page = instance.get("/authors/Yinghao%20Xu");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Yinghao Xu</h1>", "2 papers, newest first");
        assertThat(SearchWebTest.resultIds(page.body())).containsExactly("2608.20335", "2405.17414");
        // case and spacing as typed do not matter; the page spells the name as the papers do
        HttpResponse<String> typed = instance.get("/authors/yinghao%20%20xu");
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.body()).contains("<h1>Yinghao Xu</h1>");
        assertThat(SearchWebTest.resultIds(typed.body())).containsExactly("2608.20335", "2405.17414");
    }

    @Test
    void a_name_is_one_author_not_part_of_another() {
        HttpResponse<String> part = instance.get("/authors/Xu");
        assertThat(part.statusCode()).isEqualTo(404);
        assertThat(part.body()).contains("No author named 'Xu' has papers here.");
        assertThat(instance.get("/authors/Nobody%20At%20All").statusCode()).isEqualTo(404);
        assertThat(instance.get("/authors/" + "x".repeat(300)).statusCode()).isEqualTo(404);
    }

    @Test
    void a_page_past_the_end_is_a_clear_400() {
        HttpResponse<String> page = instance.get("/authors/Yinghao%20Xu?p=1");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("p must be a whole number from 0 to 0");
    }

    @Test
    void author_names_on_a_paper_page_link_to_their_author_pages() {
        String html = instance.get("/papers/2608.20335").body();
        assertThat(html).contains("<a href=\"/authors/Yinghao%20Xu\">Yinghao Xu</a>");
    }
}
