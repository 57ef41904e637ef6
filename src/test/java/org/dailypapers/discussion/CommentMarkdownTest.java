package org.dailypapers.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The comment renderer: CommonMark in, allow-listed HTML out, whatever the input tries. */
class CommentMarkdownTest {
    final CommentMarkdown markdown = new CommentMarkdown();

    @Test
    void renders_commonmark_formatting_and_code() {
        String html = markdown.toHtml("Some **bold**, _emphasis_ and `code`.\n\n- one\n- two\n\n```\nx < y\n```\n\n> quoted");
        assertThat(html).contains("<strong>bold</strong>").contains("<em>emphasis</em>").contains("<code>code</code>")
                .contains("<li>one</li>").contains("<pre><code>x &lt; y\n</code></pre>").contains("<blockquote>");
    }

    @Test
    void links_get_nofollow_ugc_noopener() {
        assertThat(markdown.toHtml("[paper](https://arxiv.org/abs/2406.09414) and <https://example.org>"))
                .contains("<a href=\"https://arxiv.org/abs/2406.09414\" rel=\"nofollow ugc noopener\">paper</a>")
                .contains("<a href=\"https://example.org\" rel=\"nofollow ugc noopener\">https://example.org</a>");
    }

    @Test
    void math_keeps_its_dollars_underscores_stars_and_backslashes_for_katex() {
        String html = markdown.toHtml("Loss $L = \\sum_i x_i * y_i$ and $$\\frac{a_1}{b_2}$$ but `$not_math$`.");
        assertThat(html).contains("$L = \\sum_i x_i * y_i$").contains("$$\\frac{a_1}{b_2}$$")
                .contains("<code>$not_math$</code>").doesNotContain("<em>");
    }

    @Test
    void math_that_holds_markup_is_escaped_not_rendered() {
        assertThat(markdown.toHtml("$<img src=x onerror=alert(1)>$")).doesNotContain("<img").contains("$&lt;img");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<style>body{display:none}</style>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "![x](https://evil.example/track.png)",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<p style=\"position:fixed;top:0\">overlay</p>",
            "<svg><script>alert(1)</script></svg>",
            "[x](vbscript:msgbox)",
            "<form action=\"https://evil.example\"><input name=a></form>",
    })
    void hostile_input_is_made_harmless(String hostile) {
        String html = markdown.toHtml("before\n\n" + hostile + "\n\nafter");
        // Whatever shows as text (escaped) is harmless; what counts is the elements and attributes the browser builds.
        org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parseBodyFragment(html);
        for (org.jsoup.nodes.Element e : dom.body().getAllElements()) {
            assertThat(e.tagName()).isIn("body", "p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "br");
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                assertThat(a.getKey()).isIn("href", "rel");
                if (a.getKey().equals("href")) {
                    assertThat(a.getValue()).matches("(?i)(https?|mailto):.*");
                }
            }
        }
        assertThat(html).contains("<p>before</p>").contains("<p>after</p>");
    }

    @Test
    void raw_html_is_shown_as_text() {
        assertThat(markdown.toHtml("<b>not bold</b>")).contains("&lt;b&gt;not bold&lt;/b&gt;");
    }
}
