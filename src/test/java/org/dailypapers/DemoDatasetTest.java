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
}
