package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a form sends a visitor back to ({@code next=}): a path on this site, ready for a Location header. */
class NextPathTest {
    @Test
    void a_local_path_is_kept_and_anything_that_leaves_the_site_becomes_the_home_page() {
        assertThat(AccountRoutes.next("/papers/2608.19880?x=1#discussion")).isEqualTo("/papers/2608.19880?x=1#discussion");
        for (String foreign : new String[] {null, "", "//evil.example", "/\\evil.example", "https://evil.example", "evil",
                "/a\nLocation: x", "/a\u0000b", "/" + "a".repeat(500)}) {
            assertThat(AccountRoutes.next(foreign)).as(String.valueOf(foreign)).isEqualTo("/");
        }
    }

    @Test
    void spaces_and_non_ascii_characters_are_percent_encoded_not_mangled_by_the_header() {
        assertThat(AccountRoutes.next("/search?q=中文 agents")).isEqualTo("/search?q=%E4%B8%AD%E6%96%87%20agents");
        assertThat(AccountRoutes.next("/authors/Zoë 𝛼")).isEqualTo("/authors/Zo%C3%AB%20%F0%9D%9B%BC");
        assertThat(AccountRoutes.next("/\u3000/evil.example")).isEqualTo("/%E3%80%80/evil.example"); // still a local path
        assertThat(AccountRoutes.next("/a\uD800b")).as("a lone surrogate").isEqualTo("/");
    }
}
