package org.dailypapers.ingest;

import static org.dailypapers.ingest.JsonFields.MAX_TEXT;
import static org.dailypapers.ingest.JsonFields.MAX_TITLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedDays;
import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.Organization;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;

/**
 * Maps one item of Hugging Face's {@code GET /api/daily_papers} response. Its fields grew over the years
 * (see ../shared/data/README.md): only paper.id, title, summary, authors and publishedAt are required.
 *
 * <p>The feed day comes from {@code paper.submittedOnDailyAt} when present, else from the {@code date=} the
 * response answered (the caller passes it, e.g. from the file name), and only last from the item's
 * {@code publishedAt} in New York time: for older entries the latter falls on another day one time in five.
 */
final class HfDailyPaperMapper {
    private HfDailyPaperMapper() {}

    static PaperRecord map(JsonNode item, LocalDate requestedDay) throws BadRecordException {
        if (!item.isObject()) {
            throw new BadRecordException("expected an object, found " + item.getNodeType().name().toLowerCase());
        }
        JsonNode paper = item.get("paper");
        if (paper == null || !paper.isObject()) {
            throw new BadRecordException("'paper' is missing or not an object");
        }
        ArxivId id = JsonFields.id(paper, "id");
        String title = firstText(paper, item, "title", MAX_TITLE);
        String summary = firstText(paper, item, "summary", MAX_TEXT);
        Instant publishedAt = JsonFields.instant(paper, "publishedAt");
        if (publishedAt == null) {
            throw new BadRecordException("'paper.publishedAt' is missing");
        }
        Paper p = new Paper(
                id,
                title.strip(),
                summary.strip(),
                visibleAuthors(paper),
                publishedAt,
                List.of(),
                null,
                organization(paper.has("organization") ? paper.get("organization") : item.get("organization")),
                JsonFields.url(paper, "githubRepo"),
                JsonFields.nonNegativeInt(paper, "githubStars"),
                JsonFields.url(paper, "projectPage"),
                JsonFields.strings(paper, "ai_keywords", null),
                JsonFields.text(paper, "ai_summary", MAX_TEXT));
        FeedEntry entry = entry(id, item, paper, requestedDay);
        return new PaperRecord(p, entry, entry.feedDay());
    }

    private static FeedEntry entry(ArxivId id, JsonNode item, JsonNode paper, LocalDate requestedDay)
            throws BadRecordException {
        Instant listedAt = JsonFields.instant(item, "publishedAt");
        LocalDate stamped = JsonFields.date(paper, "submittedOnDailyAt");
        LocalDate feedDay = stamped != null ? stamped : requestedDay;
        if (feedDay == null && listedAt == null) {
            throw new BadRecordException("no feed day: neither 'paper.submittedOnDailyAt', a date= day nor 'publishedAt'");
        }
        if (feedDay == null) {
            feedDay = FeedDays.dayOf(listedAt);
        }
        Instant submittedAt = listedAt != null ? listedAt : feedDay.atStartOfDay(FeedDays.ZONE).toInstant();
        Integer upvotes = JsonFields.nonNegativeInt(paper, "upvotes");
        Integer comments = JsonFields.nonNegativeInt(item, "numComments");
        return new FeedEntry(id, feedDay, submittedAt, submitter(item, paper),
                upvotes == null ? 0 : upvotes, comments == null ? 0 : comments);
    }

    private static String firstText(JsonNode paper, JsonNode item, String field, int max) throws BadRecordException {
        String value = JsonFields.text(paper, field, max);
        return value != null && !value.isBlank() ? value : JsonFields.requiredText(item, field, max);
    }

    /** Authors in order; those Hugging Face marks hidden are left out, as its pages do. */
    private static List<String> visibleAuthors(JsonNode paper) throws BadRecordException {
        JsonNode authors = paper.get("authors");
        if (authors == null || !authors.isArray()) {
            throw new BadRecordException("'paper.authors' is missing or not an array");
        }
        List<String> names = new ArrayList<>(authors.size());
        for (JsonNode author : authors) {
            String name = author.isObject() ? JsonFields.text(author, "name", MAX_TITLE) : null;
            if (name == null) {
                throw new BadRecordException("'paper.authors' holds an author without a name");
            }
            if (!author.path("hidden").asBoolean(false) && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static Organization organization(JsonNode org) throws BadRecordException {
        if (org == null || !org.isObject()) {
            return null;
        }
        String name = JsonFields.text(org, "name", 200);
        if (name == null || name.isBlank()) {
            return null;
        }
        String avatar = JsonFields.text(org, "avatar", JsonFields.MAX_URL);
        boolean absolute = avatar != null && avatar.startsWith("https://");
        return new Organization(name.strip(), JsonFields.text(org, "fullname", 500), absolute ? avatar : null);
    }

    private static String submitter(JsonNode item, JsonNode paper) throws BadRecordException {
        for (JsonNode by : new JsonNode[] {item.get("submittedBy"), paper.get("submittedOnDailyBy")}) {
            if (by != null && by.isObject()) {
                String user = JsonFields.text(by, "user", 200);
                if (user != null && !user.isBlank()) {
                    return user.strip();
                }
            }
        }
        return null;
    }
}
