package org.dailypapers.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.ingest.ArxivApiClient;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.testing.ArxivReplay;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.ReplayServer;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An accepted author may submit their paper outside the submission window; nobody else may (arXiv replayed). */
class ClaimedSubmissionTest {
    static final String PAPER = "1605.08386";

    @TempDir
    Path dir;

    @Test
    void an_accepted_author_submits_an_old_paper_that_others_cannot() throws Exception {
        // Three months after the paper appeared: far outside the 14-day window.
        MutableClock clock = new MutableClock(Instant.parse("2016-09-01T16:00:00Z"));
        try (ReplayServer arxiv = ArxivReplay.serve(ReplayServer.start(), "id_1605.08386_s0_m100_199195aa31ad");
                TestInstance instance = TestInstance.withClock(dir, Map.of(
                        "DAILYPAPERS_ARXIV_API_URL", ArxivReplay.baseUrl(arxiv).toString(),
                        "DAILYPAPERS_ADMINS", ClaimScenarios.ADMIN), clock).start()) {
            // The paper is known here (as from the arXiv listings) but not on the feed, so its page offers claiming.
            Paper paper = new ArxivApiClient(ArxivReplay.baseUrl(arxiv), Duration.ofSeconds(5)).find(new ArxivId(PAPER)).orElseThrow();
            instance.app().importer().importRecords(List.of(new PaperRecord(paper, null, LocalDate.parse("2016-06-01"))));
            String author = paper.authors().getFirst();

            Visitor bob = instance.signedIn("bob@example.org");
            HttpResponse<String> refused = bob.post("/submit", fields("paper", PAPER));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("only papers from the last 14 days can be submitted");

            Visitor ada = instance.signedIn("ada@example.org");
            assertThat(ada.post("/papers/" + PAPER + "/claim", fields("author", author)).statusCode()).isEqualTo(303);
            assertThat(ada.post("/submit", fields("paper", PAPER)).statusCode()).as("pending is not enough").isEqualTo(400);
            String id = ClaimScenarios.claimId(ada, PAPER);
            assertThat(instance.signedIn(ClaimScenarios.ADMIN).post("/admin/claims/" + id + "/accept", fields()).statusCode()).isEqualTo(303);

            HttpResponse<String> submitted = ada.post("/submit", fields("paper", PAPER));
            assertThat(submitted.statusCode()).isEqualTo(303);
            PaperRecord stored = instance.app().papers().find(new ArxivId(PAPER)).orElseThrow();
            assertThat(stored.entry()).isNotNull();
            assertThat(stored.entry().submittedBy()).isEqualTo(ClaimScenarios.handleOf(instance, "ada@example.org"));
        }
    }
}
