package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperImporterTest {
    @TempDir
    Path dataDir;

    TestInstance instance;

    @BeforeEach
    void open() {
        instance = TestInstance.withFixtures(dataDir);
    }

    @AfterEach
    void close() {
        instance.close();
    }

    private PaperRecord paper(String id) {
        return instance.app().papers().find(ArxivId.parse(id).orElseThrow()).orElseThrow();
    }

    @Test
    void imports_hugging_face_responses_of_every_era() {
        ImportSummary summary = instance.importFixtures("hf");

        assertThat(summary.read()).isEqualTo(13 + 15 + 15 + 17);
        assertThat(summary.created()).isEqualTo(60);
        assertThat(summary.rejected()).isZero();
        PaperRecord recent = paper("2608.19880");
        assertThat(recent.paper().title()).isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
        assertThat(recent.paper().authors()).hasSize(17).startsWith("Chengsong Huang", "Zifeng Wang");
        assertThat(recent.paper().organization().fullname()).isEqualTo("Google");
        assertThat(recent.paper().githubRepo()).isEqualTo("https://github.com/google-research/envharness");
        assertThat(recent.paper().githubStars()).isEqualTo(8);
        assertThat(recent.paper().keywords()).contains("EnvHarness", "reinforcement learning");
        assertThat(recent.entry().feedDay()).isEqualTo(LocalDate.of(2026, 8, 21));
        assertThat(recent.entry().upvotes()).isEqualTo(163);
        assertThat(recent.entry().submittedBy()).isEqualTo("taesiri");
        // The arXiv date and the feed day differ.
        assertThat(recent.paper().publishedAt()).hasToString("2026-08-20T00:00:00Z");
    }

    @Test
    void old_entries_take_their_feed_day_from_the_response_date() {
        instance.importFixtures("hf/2024-05-27.json");
        PaperRecord old = paper("2405.15738");
        assertThat(old.entry().feedDay()).isEqualTo(LocalDate.of(2024, 5, 27));
        assertThat(old.paper().organization()).isNull();
    }

    @Test
    void a_saved_batch_whose_indexing_fails_is_reported_as_missed() {
        java.util.concurrent.atomic.AtomicInteger missed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger();
        PaperImporter failing = new PaperImporter(instance.app().papers(), changed -> {
            throw new IllegalStateException("index unavailable");
        }, missed::incrementAndGet, () -> {
            entered.incrementAndGet();
            return left::incrementAndGet;
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.importPaths(
                List.of(TestInstance.fixture("hf/2026-08-21.json")), ImportProgress.NONE))
                .hasMessageContaining("index unavailable");
        assertThat(missed).hasValue(1);
        assertThat(entered).as("the batch's write was fenced").hasValue(1);
        assertThat(left).as("and the fence left although indexing failed").hasValue(1);
        assertThat(instance.app().papers().count()).as("the batch was saved before").isEqualTo(17);
    }

    @Test
    void importing_twice_changes_nothing() {
        instance.importFixtures("hf", "listings.jsonl.gz");
        ImportSummary again = instance.importFixtures("hf", "listings.jsonl.gz");

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(again.read() - again.rejected());
    }

    @Test
    void a_newer_listing_updates_the_text_but_keeps_what_only_hugging_face_knew() {
        instance.importFixtures("hf/2026-08-21.json");
        ImportSummary summary = instance.importFixtures("listings.jsonl.gz");

        assertThat(summary.updated()).isEqualTo(1);
        PaperRecord merged = paper("2608.19880");
        assertThat(merged.paper().title()).endsWith("(v2)");
        assertThat(merged.paper().summary()).isEqualTo("Revised abstract.");
        assertThat(merged.paper().categories()).containsExactly("cs.LG", "cs.AI");
        assertThat(merged.paper().comment()).isEqualTo("30 pages");
        assertThat(merged.paper().githubRepo()).isEqualTo("https://github.com/google-research/envharness");
        assertThat(merged.paper().organization().name()).isEqualTo("google");
        assertThat(merged.entry().upvotes()).isEqualTo(163);
        assertThat(merged.paper().publishedAt()).hasToString("2026-08-20T00:00:00Z");
    }

    @Test
    void an_older_record_does_not_undo_a_newer_one() {
        instance.importFixtures("listings.jsonl.gz");
        instance.importFixtures("hf/2026-08-21.json");

        assertThat(paper("2608.19880").paper().title()).endsWith("(v2)");
    }

    @Test
    void bad_records_are_reported_with_their_location_and_skipped() {
        ImportSummary summary = instance.importFixtures("bad/2026-08-24.json", "listings.jsonl.gz");

        assertThat(summary.created()).isEqualTo(2 + 13);
        assertThat(summary.rejected()).isEqualTo(5 + 2);
        List<String> shown = summary.rejections().stream().map(Rejection::toString).toList();
        assertThat(shown).anySatisfy(r -> assertThat(r).endsWith("2026-08-24.json[2]: 'paper.authors' is missing or not an array"));
        assertThat(shown).anySatisfy(r -> assertThat(r).endsWith("2026-08-24.json[3]: 'id' is not an arXiv id: \"12345\""));
        assertThat(shown).anySatisfy(r -> assertThat(r).endsWith("2026-08-24.json[4]: 'publishedAt' is not an ISO-8601 instant: \"yesterday\""));
        assertThat(shown).anySatisfy(r -> assertThat(r).endsWith("2026-08-24.json[5]: 'githubRepo' is not an http(s) URL: \"javascript:alert(1)\""));
        assertThat(shown).anySatisfy(r -> assertThat(r).endsWith("2026-08-24.json[6]: expected a JSON object"));
        assertThat(shown).anySatisfy(r -> assertThat(r).endsWith("listings.jsonl.gz:11: 'id' is not an arXiv id: \"not-an-id\""));
        assertThat(shown).anySatisfy(r -> assertThat(r).contains("listings.jsonl.gz:12: malformed JSON"));
        assertThat(paper("math/0211159").paper().title()).isEqualTo("The entropy formula for the Ricci flow");
        assertThat(paper("2608.90001").paper().title()).startsWith("<script>");
    }

    @Test
    void a_truncated_file_keeps_the_records_before_the_damage() {
        ImportSummary summary = instance.importFixtures("bad/truncated.json");

        assertThat(summary.created()).isPositive();
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.rejections().getFirst().reason()).startsWith("malformed JSON, the rest of the file is skipped");
        assertThat(instance.app().papers().count()).isEqualTo(summary.created());
    }

    @Test
    void files_that_are_not_paper_files_are_rejected_whole() {
        ImportSummary summary = instance.importFixtures("bad/not-json.txt.json", "bad/error-object.json");

        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.rejections()).extracting(Rejection::reason)
                .anySatisfy(r -> assertThat(r).startsWith("not a paper file"))
                .anySatisfy(r -> assertThat(r).startsWith("unknown record"));
        assertThat(instance.app().papers().count()).isZero();
    }

    @Test
    void a_missing_path_is_a_rejection_not_a_crash() {
        ImportSummary summary = instance.app().importer()
                .importPaths(List.of(dataDir.resolve("nope.json")), ImportProgress.NONE);
        assertThat(summary.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("no such readable file or directory"));
    }

    @Test
    void export_then_import_reproduces_every_paper_with_its_discussion_id_and_linked_repositories() throws Exception {
        instance.importFixtures("hf", "listings.jsonl.gz", "hf-linked");
        var links = instance.app().papers().allHubLinks();
        assertThat(links.get(ArxivId.parse("2501.08888").orElseThrow())).as("the fixture has linked repositories")
                .satisfies(l -> assertThat(l.models()).containsExactly("example-org/engine-7b", "example-org/engine-1b"));
        assertThat(links.get(ArxivId.parse("2608.19880").orElseThrow()).discussionId()).isEqualTo("6a87afc589e517cbfd75dbe0");
        Path file = dataDir.resolve("export.jsonl");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            assertThat(new PaperExporter(instance.app().papers()).export(out)).isEqualTo(instance.app().papers().count());
        }
        try (TestInstance copy = TestInstance.withFixtures(dataDir.resolve("copy"))) {
            ImportSummary summary = copy.app().importer().importPaths(List.of(file), ImportProgress.NONE);
            assertThat(summary.rejected()).isZero();
            List<PaperRecord> original = new java.util.ArrayList<>();
            instance.app().papers().forEach(original::add);
            List<PaperRecord> copied = new java.util.ArrayList<>();
            copy.app().papers().forEach(copied::add);
            assertThat(copied).isEqualTo(original);
            // null (not known) and [] (known: none) both survive: the maps are equal field by field
            assertThat(copy.app().papers().allHubLinks()).isEqualTo(links);
            assertThat(copy.start().get("/api/papers/2501.08888").body()).contains("\"discussionId\":\"6780aa00bb11cc22dd33ee44\"")
                    .contains("{\"id\":\"example-org/engine-demo\"}");
        }
    }
}
