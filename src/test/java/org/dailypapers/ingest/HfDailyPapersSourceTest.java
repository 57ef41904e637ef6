package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.testing.ReplayServer;
import org.dailypapers.testing.ReplayServer.Reply;
import org.dailypapers.testing.ReplayServer.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hugging Face harvester against a local server replaying recorded daily_papers responses (fixtures/hf/). */
class HfDailyPapersSourceTest {
    @TempDir
    Path dataDir;

    TestInstance instance;
    ReplayServer hf;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        instance = TestInstance.withFixtures(dataDir);
        hf = ReplayServer.start();
    }

    @AfterEach
    void close() {
        hf.close();
        instance.close();
    }

    private Harvester harvester(int pageSize) {
        HarvestConfig config = HarvestConfig.fromEnv(Map.of("DAILYPAPERS_HARVEST_HF_BASE_URL", hf.url("").toString()));
        return instance.app().harvester().with(config, waits::add, pageSize);
    }

    static Reply day(String file) {
        return Reply.file(TestInstance.fixture(file), "application/json");
    }

    static boolean date(Request r, String day) {
        return r.path().equals("/api/daily_papers") && r.query().contains("date=" + day);
    }

    private PaperRecord paper(String id) {
        return instance.app().papers().find(ArxivId.parse(id).orElseThrow()).orElseThrow();
    }

    private void serveTwoDays() {
        hf.when(r -> date(r, "2026-08-20"), day("hf/2026-08-20.json"))
                .when(r -> date(r, "2026-08-21"), day("hf/2026-08-21.json"))
                .when(r -> r.path().equals("/api/daily_papers"), Reply.ok("[]", "application/json"));
    }

    @Test
    void asks_for_each_day_of_the_range_and_saves_upvotes_organizations_and_code() {
        serveTwoDays();
        List<String> progress = new CopyOnWriteArrayList<>();

        HarvestReport report = harvester(100).hf(LocalDate.of(2026, 8, 19), LocalDate.of(2026, 8, 22),
                (done, total) -> progress.add(done + "/" + total));

        assertThat(report.completed()).isTrue();
        assertThat(hf.requests()).extracting(Request::query).containsExactly(
                "date=2026-08-19&limit=100&p=0", "date=2026-08-20&limit=100&p=0",
                "date=2026-08-21&limit=100&p=0", "date=2026-08-22&limit=100&p=0");
        assertThat(hf.requests().getFirst().headers().get("User-agent")).singleElement().asString().startsWith("DailyPapers-harvester/");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(progress).containsExactly("1/4", "2/4", "3/4", "4/4");
        assertThat(report.records().created()).isEqualTo(15 + 17);
        PaperRecord recent = paper("2608.19880");
        assertThat(recent.entry().upvotes()).isEqualTo(163);
        assertThat(recent.entry().feedDay()).isEqualTo(LocalDate.of(2026, 8, 21));
        assertThat(recent.paper().organization().fullname()).isEqualTo("Google");
        assertThat(recent.paper().githubRepo()).isEqualTo("https://github.com/google-research/envharness");
        assertThat(recent.paper().githubStars()).isEqualTo(8);
        assertThat(instance.app().feed().latestDay()).contains(LocalDate.of(2026, 8, 21));
        assertThat(harvester(100).states().find("hf").lastDatestamp()).isEqualTo(LocalDate.of(2026, 8, 22));
        assertThat(report.resumption()).isEqualTo("complete through 2026-08-22; the next run starts at 2026-08-20");
    }

    @Test
    void pages_through_a_day_with_more_papers_than_a_page() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = (ArrayNode) json.readTree(TestInstance.fixture("hf/2026-08-21.json").toFile());
        ArrayNode first = json.createArrayNode();
        ArrayNode second = json.createArrayNode();
        for (int i = 0; i < all.size(); i++) {
            (i < 10 ? first : second).add(all.get(i));
        }
        hf.when(r -> r.query().endsWith("p=0"), Reply.ok(first.toString(), "application/json"))
                .when(r -> r.query().endsWith("p=1"), Reply.ok(second.toString(), "application/json"));

        HarvestReport report = harvester(10).hf(LocalDate.of(2026, 8, 21), LocalDate.of(2026, 8, 21), HarvestProgress.NONE);

        assertThat(hf.requests()).extracting(Request::query)
                .containsExactly("date=2026-08-21&limit=10&p=0", "date=2026-08-21&limit=10&p=1");
        assertThat(report.records().created()).isEqualTo(17);
    }

    @Test
    void a_server_that_ignores_the_page_parameter_is_not_asked_forever() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = (ArrayNode) json.readTree(TestInstance.fixture("hf/2026-08-21.json").toFile());
        ArrayNode ten = json.createArrayNode();
        for (int i = 0; i < 10; i++) {
            ten.add(all.get(i));
        }
        hf.when(r -> true, Reply.ok(ten.toString(), "application/json"));

        HarvestReport report = harvester(10).hf(LocalDate.of(2026, 8, 21), LocalDate.of(2026, 8, 21), HarvestProgress.NONE);

        assertThat(hf.requests()).hasSize(2);
        assertThat(report.completed()).isTrue();
        assertThat(report.records().created()).isEqualTo(10);
    }

    @Test
    void a_later_run_asks_again_for_the_last_days_and_keeps_the_larger_upvotes() throws Exception {
        serveTwoDays();
        harvester(100).hf(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 21), HarvestProgress.NONE);
        ObjectMapper json = new ObjectMapper();
        ArrayNode later = (ArrayNode) json.readTree(TestInstance.fixture("hf/2026-08-21.json").toFile());
        for (var item : later) {
            if (item.path("paper").path("id").asText().equals("2608.19880")) {
                ((ObjectNode) item.get("paper")).put("upvotes", 200);
            }
        }
        hf.close();
        hf = ReplayServer.start();
        hf.when(r -> date(r, "2026-08-21"), Reply.ok(later.toString(), "application/json"))
                .when(r -> date(r, "2026-08-20"), day("hf/2026-08-20.json"))
                .when(r -> r.path().equals("/api/daily_papers"), Reply.ok("[]", "application/json"));

        HarvestReport report = harvester(100).hf(null, LocalDate.of(2026, 8, 22), HarvestProgress.NONE);

        assertThat(hf.requests().getFirst().query()).startsWith("date=2026-08-19&");
        assertThat(report.records().updated()).isEqualTo(1);
        assertThat(report.records().unchanged()).isEqualTo(15 + 16);
        assertThat(paper("2608.19880").entry().upvotes()).isEqualTo(200);
    }

    @Test
    void a_bad_item_is_reported_with_its_day_and_index_and_skipped() {
        hf.when(r -> date(r, "2026-08-24"), day("bad/2026-08-24.json"));

        HarvestReport report = harvester(100).hf(LocalDate.of(2026, 8, 24), LocalDate.of(2026, 8, 24), HarvestProgress.NONE);

        assertThat(report.completed()).isTrue();
        assertThat(report.records().created()).isEqualTo(2);
        assertThat(report.records().rejected()).isEqualTo(5);
        assertThat(report.records().rejections()).extracting(Rejection::toString).anySatisfy(r -> assertThat(r)
                .endsWith("/api/daily_papers?date=2026-08-24&limit=100&p=0[3]: 'id' is not an arXiv id: \"12345\""));
    }

    @Test
    void a_failed_day_stops_the_run_and_the_days_before_stay_saved() throws Exception {
        hf.when(r -> date(r, "2026-08-20"), day("hf/2026-08-20.json"))
                .when(r -> date(r, "2026-08-21"), Reply.status(500, "Internal Error", "text/plain"));

        HarvestReport report = harvester(100).hf(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 22), HarvestProgress.NONE);

        assertThat(report.completed()).isFalse();
        assertThat(report.failure()).startsWith("HTTP 500 from ").contains("date=2026-08-21");
        assertThat(report.resumption()).isEqualTo("stopped at 2026-08-21; days before it are saved");
        assertThat(report.records().created()).isEqualTo(15);
        assertThat(harvester(100).states().find("hf").lastDatestamp()).isEqualTo(LocalDate.of(2026, 8, 20));

        hf.when(r -> date(r, "2026-08-22"), Reply.ok(Files.readString(TestInstance.fixture("bad/error-object.json")), "application/json"));
        HarvestReport error = harvester(100).hf(LocalDate.of(2026, 8, 22), LocalDate.of(2026, 8, 22), HarvestProgress.NONE);
        assertThat(error.failure()).contains("a JSON object where a JSON array of papers was expected");
    }

    @Test
    void an_item_over_the_cap_is_rejected_by_its_index_and_the_rest_of_the_day_is_kept() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode items = (ArrayNode) json.readTree(TestInstance.fixture("hf/2026-08-20.json").toFile());
        ObjectNode huge = items.get(1).deepCopy();
        ((ObjectNode) huge.get("paper")).put("summary", "x".repeat(RecordCap.MAX_BYTES));
        items.set(1, huge);
        hf.when(r -> date(r, "2026-08-20"), Reply.ok(json.writeValueAsString(items), "application/json"));

        HarvestReport report = harvester(100).hf(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 20), HarvestProgress.NONE);

        assertThat(report.completed()).isTrue();
        assertThat(report.records().rejections()).extracting(Rejection::toString).singleElement().asString()
                .contains("date=2026-08-20").contains("[1]: the record is ").contains("larger than the limit of 1,048,576 bytes");
        assertThat(report.records().created()).isEqualTo(items.size() - 1);
    }

    /** Today is 2026-08-22 in New York. */
    private void onAug22() {
        instance.close();
        instance = TestInstance.withClock(dataDir, Map.of(),
                java.time.Clock.fixed(java.time.Instant.parse("2026-08-22T16:00:00Z"), java.time.ZoneOffset.UTC));
    }

    @Test
    void an_until_in_the_future_stops_at_today_and_the_next_run_does_not_skip_the_days_to_come() {
        onAug22();
        serveTwoDays();

        HarvestReport report = harvester(100).hf(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 9, 30), HarvestProgress.NONE);

        assertThat(report.completed()).isTrue();
        assertThat(hf.requests()).extracting(Request::query).noneMatch(q -> q.contains("date=2026-08-23"));
        assertThat(report.resumption()).isEqualTo(
                "complete through 2026-08-22 (today; not 2026-09-30); the next run starts at 2026-08-20");
        assertThat(harvester(100).states().find("hf").lastDatestamp()).isEqualTo(LocalDate.of(2026, 8, 22));
        assertThatThrownBy(() -> harvester(100).hf(LocalDate.of(2026, 8, 23), null, HarvestProgress.NONE))
                .hasMessage("--from 2026-08-23 is after today (2026-08-22 in New York, the feed's clock): there is no feed for it yet");
    }

    @Test
    void a_run_that_leaves_a_gap_after_the_days_harvested_does_not_move_the_next_start_past_the_gap() {
        onAug22();
        serveTwoDays();
        harvester(100).hf(LocalDate.of(2026, 8, 18), LocalDate.of(2026, 8, 18), HarvestProgress.NONE);

        HarvestReport gap = harvester(100).hf(LocalDate.of(2026, 8, 21), LocalDate.of(2026, 8, 21), HarvestProgress.NONE);

        assertThat(gap.records().created()).isEqualTo(17); // the papers of 2026-08-21
        assertThat(gap.resumption()).isEqualTo("complete 2026-08-21 through 2026-08-21; days 2026-08-19 to 2026-08-20 "
                + "are still to harvest, so the next run starts at 2026-08-16");
        assertThat(harvester(100).states().find("hf").lastDatestamp()).isEqualTo(LocalDate.of(2026, 8, 18));

        // a run that joins the harvested days moves the start on
        harvester(100).hf(LocalDate.of(2026, 8, 19), LocalDate.of(2026, 8, 20), HarvestProgress.NONE);
        assertThat(harvester(100).states().find("hf").lastDatestamp()).isEqualTo(LocalDate.of(2026, 8, 20));
    }

    @Test
    void a_future_last_day_recorded_by_an_older_version_is_repaired_by_the_next_run() {
        onAug22();
        serveTwoDays();
        harvester(100).states().save(org.dailypapers.store.HarvestState.none("hf").completed(null, LocalDate.of(2026, 9, 30)));

        HarvestReport report = harvester(100).hf(null, null, HarvestProgress.NONE);

        assertThat(report.completed()).isTrue();
        assertThat(hf.requests().getFirst().query()).startsWith("date=2026-08-16&"); // a week back, as a first run
        assertThat(harvester(100).states().find("hf").lastDatestamp()).isEqualTo(LocalDate.of(2026, 8, 22));
    }
}
