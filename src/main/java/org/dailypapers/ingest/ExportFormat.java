package org.dailypapers.ingest;

import static org.dailypapers.ingest.JsonFields.MAX_TEXT;
import static org.dailypapers.ingest.JsonFields.MAX_TITLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.HubLinks;
import org.dailypapers.paper.Organization;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;

/**
 * Daily Papers' own JSON Lines format, one paper (and its feed entry, under {@code feed}) per line: what
 * {@code export} writes, what the bundled demo dataset is, and what {@code import} reads back losslessly.
 * What Hugging Face said of the paper's discussion and linked repositories ({@link HubLinks}) is in Hugging Face's
 * own fields, {@code discussionId} and {@code linkedModels} / {@code linkedDatasets} / {@code linkedSpaces}
 * ({@code [{"id": ...}]}), each only where known, and is read back by {@link HubLinksMapper}.
 */
final class ExportFormat {
    private ExportFormat() {}

    /** {@code links} may be null or say nothing: then the line has none of their fields. */
    static ObjectNode write(ObjectMapper json, PaperRecord record, HubLinks links) {
        Paper p = record.paper();
        ObjectNode node = json.createObjectNode();
        node.put("id", p.id().value());
        node.put("asOf", record.asOf().toString());
        node.put("title", p.title());
        node.put("summary", p.summary());
        p.authors().forEach(node.putArray("authors")::add);
        node.put("publishedAt", p.publishedAt().toString());
        p.categories().forEach(node.putArray("categories")::add);
        putIfPresent(node, "comment", p.comment());
        if (p.organization() != null) {
            ObjectNode org = node.putObject("organization");
            org.put("name", p.organization().name());
            org.put("fullname", p.organization().fullname());
            putIfPresent(org, "avatar", p.organization().avatarUrl());
        }
        putIfPresent(node, "githubRepo", p.githubRepo());
        if (p.githubStars() != null) {
            node.put("githubStars", p.githubStars());
        }
        putIfPresent(node, "projectPage", p.projectPage());
        p.keywords().forEach(node.putArray("keywords")::add);
        putIfPresent(node, "aiSummary", p.aiSummary());
        record.feedEntry().ifPresent(e -> {
            ObjectNode feed = node.putObject("feed");
            feed.put("day", e.feedDay().toString());
            feed.put("submittedAt", e.submittedAt().toString());
            putIfPresent(feed, "submittedBy", e.submittedBy());
            feed.put("upvotes", e.upvotes());
            feed.put("numComments", e.numComments());
        });
        if (links != null) {
            putIfPresent(node, "discussionId", links.discussionId());
            putRepos(node, "linkedModels", links.models());
            putRepos(node, "linkedDatasets", links.datasets());
            putRepos(node, "linkedSpaces", links.spaces());
        }
        return node;
    }

    static PaperRecord read(JsonNode node) throws BadRecordException {
        ArxivId id = JsonFields.id(node, "id");
        LocalDate asOf = JsonFields.date(node, "asOf");
        if (asOf == null) {
            throw new BadRecordException("'asOf' is missing");
        }
        Instant publishedAt = JsonFields.instant(node, "publishedAt");
        if (publishedAt == null) {
            throw new BadRecordException("'publishedAt' is missing");
        }
        JsonNode org = node.get("organization");
        String orgName = org != null && org.isObject() ? JsonFields.text(org, "name", 200) : null;
        Paper paper = new Paper(
                id,
                JsonFields.requiredText(node, "title", MAX_TITLE),
                JsonFields.requiredText(node, "summary", MAX_TEXT),
                JsonFields.strings(node, "authors", "name"),
                publishedAt,
                JsonFields.strings(node, "categories", null),
                JsonFields.text(node, "comment", MAX_TEXT),
                orgName == null || orgName.isBlank() ? null
                        : new Organization(orgName, JsonFields.text(org, "fullname", 500), JsonFields.url(org, "avatar")),
                JsonFields.url(node, "githubRepo"),
                JsonFields.nonNegativeInt(node, "githubStars"),
                JsonFields.url(node, "projectPage"),
                JsonFields.strings(node, "keywords", null),
                JsonFields.text(node, "aiSummary", MAX_TEXT));
        JsonNode feed = node.get("feed");
        if (feed == null || feed.isNull()) {
            return new PaperRecord(paper, null, asOf);
        }
        LocalDate day = JsonFields.date(feed, "day");
        Instant submittedAt = JsonFields.instant(feed, "submittedAt");
        if (day == null || submittedAt == null) {
            throw new BadRecordException("'feed' needs 'day' and 'submittedAt'");
        }
        Integer upvotes = JsonFields.nonNegativeInt(feed, "upvotes");
        Integer comments = JsonFields.nonNegativeInt(feed, "numComments");
        return new PaperRecord(paper, new FeedEntry(id, day, submittedAt, JsonFields.text(feed, "submittedBy", 200),
                upvotes == null ? 0 : upvotes, comments == null ? 0 : comments), asOf);
    }

    /** Null (not known) writes nothing; an empty list (known: none) writes {@code []}. */
    private static void putRepos(ObjectNode node, String field, java.util.List<String> ids) {
        if (ids != null) {
            var array = node.putArray(field);
            ids.forEach(id -> array.addObject().put("id", id));
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
