package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void searches_from_the_terminal_as_text_and_as_json() throws Exception {
        String data = dataDir.toString();
        assertThat(MainTest.run("import", "--data", data, TestInstance.fixture("hf").toString()).exitCode()).isZero();
        // The embedding side is not needed for these assertions: keep the test quick with BM25.
        MainTest.Run text = MainTest.run("search", "--data", data, "--limit", "3", "4D", "humans", "monocular", "video");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains(" 1. 2608.20335  4DAnyone");

        MainTest.Run json = MainTest.run("search", "--data", data, "--json", "--limit", "2", "monocular video");
        JsonNode items = new ObjectMapper().readTree(json.out());
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("paper").path("id").asText()).isEqualTo("2608.20335");

        assertThat(MainTest.run("search", "--data", data, "--limit", "500", "x").exitCode()).isEqualTo(2);
        assertThat(MainTest.run("search", "--help").out()).contains("--json", "--limit", "author:name");
    }

    @Test
    void searches_beside_a_running_server_without_stopping_it() {
        try (TestInstance running = TestInstance.withFixtures(dataDir, "hf")) {
            MainTest.Run text = MainTest.run("search", "--data", dataDir.toString(), "--limit", "3",
                    "4D humans monocular video");
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).contains(" 1. 2608.20335  4DAnyone");
            assertThat(text.err()).contains("a running serve owns the index: searching it read-only");
            // the server kept its index: it still searches and indexes as before
            assertThat(running.app().search().search(org.dailypapers.search.SearchRequest.of("4DAnyone", 1)))
                    .extracting(org.dailypapers.search.ScoredPaper::id).containsExactly("2608.20335");
        }
    }

    @Test
    void a_query_with_nothing_to_embed_is_answered_by_the_lexical_side_not_a_crash() {
        String data = dataDir.toString();
        assertThat(MainTest.run("import", "--data", data, TestInstance.fixture("hf/2026-08-21.json").toString()).exitCode()).isZero();
        for (String q : new String[] {"\u0000", "\u200B\uFEFF", "\u0301", "author:x \u0000", "\"\u0001\""}) {
            MainTest.Run run = MainTest.run("search", "--data", data, q);
            assertThat(run.exitCode()).as(run.err()).isZero();
            // the full pipeline ran (the model loads even while papers still lack vectors)
            assertThat(run.out()).contains("No papers match.").contains("hybrid[");
        }
        MainTest.Run words = MainTest.run("search", "--data", data, "--limit", "1", "\uFEFFmonocular\u200B video\u0000");
        assertThat(words.out()).contains(" 1. 2608.20335  4DAnyone");
    }
}
