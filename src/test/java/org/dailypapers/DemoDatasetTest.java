package org.dailypapers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.dailypapers.ingest.ImportSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatasetTest {
    @TempDir
    Path dataDir;

    @Test
    void an_empty_data_directory_gets_the_whole_demo_dataset_once() {
        AppConfig config = AppConfig.resolve(Map.of(), dataDir, 0);
        try (App app = App.open(config, Clock.systemUTC())) {
            ImportSummary summary = app.loadDemoIfEmpty().orElseThrow();
            assertThat(summary.created()).isEqualTo(9_877).isEqualTo(App.DEMO_PAPERS);
            assertThat(summary.rejected()).isZero();
            assertThat(app.feed().latestDay()).contains(LocalDate.of(2026, 8, 21));
            // Hugging Face gives no arXiv categories; the demo has them from the arXiv listings
            // (scripts/demo-categories.py), so the category filter works on the demo
            var found = app.search().search(org.dailypapers.search.SearchRequest.of("language models", 20).withCategory("cs.CL"));
            assertThat(found).hasSize(20);
            assertThat(app.search().records(found)).allSatisfy(r -> assertThat(r.paper().categories()).contains("cs.CL"));
            // arXiv codes only: the listings' MSC and ACM classes ("68T01 (Primary)", "I.2.7") are left out
            java.util.List<String> notArxiv = new java.util.ArrayList<>();
            app.papers().forEach(r -> r.paper().categories().stream()
                    .filter(c -> !c.matches("[A-Za-z-]{2,20}(\\.[A-Za-z-]{1,10})?")).forEach(notArxiv::add));
            assertThat(notArxiv).isEmpty();
        }
        try (App again = App.open(config, Clock.systemUTC())) {
            assertThat(again.loadDemoIfEmpty()).isEmpty();
            assertThat(again.papers().count()).isEqualTo(9_877);
        }
    }

    @Test
    void the_demo_can_be_turned_off() {
        AppConfig config = AppConfig.resolve(Map.of("DAILYPAPERS_DEMO", "false"), dataDir, 0);
        try (App app = App.open(config, Clock.systemUTC())) {
            assertThat(app.loadDemoIfEmpty()).isEmpty();
            assertThat(app.papers().count()).isZero();
        }
    }

    @Test
    void demo_abstracts_keep_the_latex_of_the_arxiv_listings_and_their_vectors_are_there() throws Exception {
        java.util.Map<String, String> abstracts = new java.util.HashMap<>();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                DemoDatasetTest.class.getResourceAsStream("/demo/papers.jsonl.gz")), java.nio.charset.StandardCharsets.UTF_8))) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            in.lines().map(line -> {
                try {
                    return json.readTree(line);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).forEach(n -> abstracts.put(n.path("id").asText(), n.path("summary").asText()));
        }
        // Hugging Face's copy said "up to 8.2times." (delimiters and backslash lost); arXiv's has the math
        assertThat(abstracts.get("2503.14868")).endsWith("training memory demand up to $8.2\\times$.");
        // not in the listings: Hugging Face's text stays, and the page shows it as plain text
        assertThat(abstracts.get("2608.17286")).contains("(10^{19} to 10^{22} FLOPs)");
        Path vectors = Path.of(DemoDatasetTest.class.getResource("/demo/vectors-bge-small-en-v1.5-q.dpvf").toURI());
        assertThat(org.dailypapers.search.VectorFile.read(vectors).vectors()).hasSize(9_877).containsKey("2503.14868");
    }
}
