package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.Organization;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /organizations/{name}: newest on arXiv first, hidden papers left out; badges on cards link there. */
class OrganizationPageTest {
    @TempDir
    Path dir;

    static PaperRecord paper(String id, String published, String feedDay, int upvotes) {
        Paper p = new Paper(new ArxivId(id), "Paper " + id, "Abstract.", List.of("A. Author"), Instant.parse(published), List.of("cs.CL"),
                null, new Organization("acme lab", "Acme Lab", null), null, null, null, List.of(), null);
        LocalDate day = LocalDate.parse(feedDay);
        return new PaperRecord(p, new FeedEntry(p.id(), day, day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), "x", upvotes, 0), day);
    }

    @Test
    void an_organization_s_papers_are_newest_first_and_badges_lead_there() {
        try (TestInstance instance = TestInstance.withEnv(dir, java.util.Map.of("DAILYPAPERS_ADMINS", "root@example.org")).start()) {
            instance.app().importer().importRecords(List.of(
                    paper("2608.00002", "2026-08-10T00:00:00Z", "2026-08-21", 90),
                    paper("2608.00003", "2026-08-19T00:00:00Z", "2026-08-21", 5),
                    paper("2608.00001", "2026-08-01T00:00:00Z", "2026-08-20", 50)));
            String day = instance.get("/papers/date/2026-08-21").body();
            assertThat(day).contains("<a class=\"badge org\" href=\"/organizations/acme%20lab\">Acme Lab</a>");

            String page = instance.get("/organizations/acme%20lab").body();
            assertThat(page.indexOf("2608.00003")).isLessThan(page.indexOf("2608.00002"));
            assertThat(page.indexOf("2608.00002")).isLessThan(page.indexOf("2608.00001"));

            var root = instance.app().accounts().openSession(org.dailypapers.mail.EmailAddress.parse("root@example.org")).session().account();
            instance.app().curation().apply(root, org.dailypapers.curation.Action.HIDE, new ArxivId("2608.00002"), null);
            assertThat(instance.get("/organizations/acme%20lab").body()).contains("2608.00003", "2608.00001").doesNotContain("2608.00002");
        }
    }
}
