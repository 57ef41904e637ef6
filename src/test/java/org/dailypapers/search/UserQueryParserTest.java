package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryParserTest {

    private final UserQueryParser parser = new UserQueryParser();

    @Test
    void splits_fielded_clauses_phrases_and_exclusions() {
        ParsedQuery q = parser.parse(
                "diffusion author:\"Jonathan Ho\" org:Google cat:cs.CV \"temporal attention\" -image title:video");
        assertThat(q.text()).isEqualTo("diffusion");
        assertThat(q.authors()).containsExactly("Jonathan Ho");
        assertThat(q.organizations()).containsExactly("google");
        assertThat(q.categories()).containsExactly("cs.cv");
        assertThat(q.phrases()).containsExactly("temporal attention");
        assertThat(q.excluded()).containsExactly("image");
        assertThat(q.titles()).containsExactly("video");
    }

    @Test
    void unknown_fields_and_operators_are_plain_text() {
        ParsedQuery q = parser.parse("foo:bar AND (baz OR qux)");
        assertThat(q.text()).isEqualTo("foo bar AND (baz OR qux)");
        assertThat(q.authors()).isEmpty();
    }

    @Test
    void an_unclosed_quote_runs_to_the_end() {
        assertThat(parser.parse("\"open phrase").phrases()).containsExactly("open phrase");
        assertThat(parser.parse("author:\"Ho").authors()).containsExactly("Ho");
    }

    @Test
    void hostile_input_parses_into_bounded_clauses() {
        for (String s : List.of("((( AND:", ":::", "\"", "-", "--", "author:", "-\"\"", "a:\"", "\\", "*?~^",
                "x".repeat(5000), "author:a ".repeat(200))) {
            ParsedQuery q = parser.parse(s);
            assertThat(q.authors().size() + q.phrases().size()).isLessThanOrEqualTo(UserQueryParser.MAX_CLAUSES);
            assertThat(q.text().length()).isLessThanOrEqualTo(UserQueryParser.MAX_CHARS + 8);
        }
        assertThat(parser.parse(null).isEmpty()).isTrue();
    }
}
