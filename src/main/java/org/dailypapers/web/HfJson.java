package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.Organization;
import org.dailypapers.paper.Paper;

/**
 * JSON in the shape of Hugging Face's papers API, field names included, so its clients (such as
 * {@code huggingface_hub}'s {@code list_daily_papers} and {@code paper_info}) work against us. Fields we do
 * not hold (thumbnails, user avatars) are left out rather than faked.
 */
final class HfJson {
    private final ObjectMapper json;

    HfJson(ObjectMapper json) {
        this.json = json;
    }

    /** An item of {@code /api/daily_papers}: the paper, and the feed entry's fields beside it. */
    ObjectNode dailyItem(FeedPaper fp) {
        Paper p = fp.paper();
        FeedEntry e = fp.entry();
        ObjectNode item = json.createObjectNode();
        item.set("paper", paper(p, e));
        item.put("publishedAt", Timestamps.hf(e.submittedAt()));
        item.put("title", p.title());
        item.put("summary", p.summary());
        item.put("numComments", e.numComments());
        if (e.submittedBy() != null) {
            item.set("submittedBy", user(e.submittedBy()));
        }
        if (p.organization() != null) {
            item.set("organization", organization(p.organization()));
        }
        item.put("isAuthorParticipating", false);
        // huggingface_hub's PaperInfo reads these from the item, not from item.paper: repeat them here.
        putCommunityFields(item, p);
        return item;
    }

    /**
     * An item of a search result: a daily item for papers on the feed, else the paper with its arXiv date
     * standing in for the feed's.
     */
    ObjectNode searchItem(Paper p, FeedEntry e) {
        if (e != null) {
            return dailyItem(new FeedPaper(p, e));
        }
        ObjectNode item = json.createObjectNode();
        item.set("paper", paper(p, null));
        item.put("publishedAt", Timestamps.hf(p.publishedAt()));
        item.put("title", p.title());
        item.put("summary", p.summary());
        item.put("numComments", 0);
        if (p.organization() != null) {
            item.set("organization", organization(p.organization()));
        }
        return item;
    }

    /** The body of {@code /api/papers/search}: one {@link #searchItem} per paper, in order. */
    com.fasterxml.jackson.databind.node.ArrayNode searchItems(java.util.List<org.dailypapers.paper.PaperRecord> records) {
        var items = json.createArrayNode();
        records.forEach(r -> items.add(searchItem(r.paper(), r.entry())));
        return items;
    }

    /** The body of {@code /api/papers/{id}}; {@code entry} may be null for papers never on the feed. */
    ObjectNode paper(Paper p, FeedEntry e) {
        ObjectNode node = json.createObjectNode();
        node.put("id", p.id().value());
        var authors = node.putArray("authors");
        p.authors().forEach(name -> authors.addObject().put("name", name).put("hidden", false));
        node.put("publishedAt", Timestamps.hf(p.publishedAt()));
        if (e != null) {
            node.put("submittedOnDailyAt", Timestamps.hf(submittedOnDaily(e)));
            if (e.submittedBy() != null) {
                node.set("submittedOnDailyBy", user(e.submittedBy()));
            }
        }
        node.put("title", p.title());
        node.put("summary", p.summary());
        node.put("upvotes", e == null ? 0 : e.upvotes());
        node.put("numComments", e == null ? 0 : e.numComments()); // imported from Hugging Face + made here
        putCommunityFields(node, p);
        if (!p.categories().isEmpty()) {
            p.categories().forEach(node.putArray("categories")::add);
        }
        putIfPresent(node, "comment", p.comment());
        if (p.organization() != null) {
            node.set("organization", organization(p.organization()));
        }
        return node;
    }

    /**
     * What {@code /api/papers/{id}} adds, as Hugging Face's does: the discussion's id (when known) and the linked
     * models, datasets and Spaces as objects with an {@code id} (empty lists where none are known), with their counts.
     */
    void putHubLinks(ObjectNode node, org.dailypapers.paper.HubLinks links) {
        putIfPresent(node, "discussionId", links.discussionId());
        putRepos(node, "linkedModels", "numTotalModels", links.modelsOrEmpty());
        putRepos(node, "linkedDatasets", "numTotalDatasets", links.datasetsOrEmpty());
        putRepos(node, "linkedSpaces", null, links.spacesOrEmpty());
    }

    private static void putRepos(ObjectNode node, String field, String countField, java.util.List<String> ids) {
        var array = node.putArray(field);
        ids.forEach(id -> array.addObject().put("id", id));
        if (countField != null) {
            node.put(countField, ids.size());
        }
    }

    /** Code, project page and the AI summary and keywords, under Hugging Face's names. */
    private static void putCommunityFields(ObjectNode node, Paper p) {
        putIfPresent(node, "githubRepo", p.githubRepo());
        if (p.githubStars() != null) {
            node.put("githubStars", p.githubStars());
        }
        putIfPresent(node, "projectPage", p.projectPage());
        putIfPresent(node, "ai_summary", p.aiSummary());
        if (!p.keywords().isEmpty()) {
            p.keywords().forEach(node.putArray("ai_keywords")::add);
        }
    }

    private ObjectNode organization(Organization org) {
        ObjectNode node = json.createObjectNode().put("name", org.name()).put("fullname", org.fullname());
        putIfPresent(node, "avatar", org.avatarUrl());
        return node;
    }

    /**
     * Hugging Face's {@code submittedOnDailyAt} always falls on the feed day (UTC), which is how its clients
     * read the day (huggingface_hub's {@code submitted_at}); the item's {@code publishedAt}, our
     * {@code submittedAt}, often falls on the day before. The moment when it is on the feed day, else its start.
     */
    private static java.time.Instant submittedOnDaily(FeedEntry e) {
        java.time.Instant dayStart = e.feedDay().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        boolean onTheDay = !e.submittedAt().isBefore(dayStart) && e.submittedAt().isBefore(dayStart.plus(java.time.Duration.ofDays(1)));
        return onTheDay ? e.submittedAt() : dayStart;
    }

    /** A user as Hugging Face writes one: {@code name} (the handle) in every object, {@code user} too in a paper's. */
    private ObjectNode user(String handle) {
        return json.createObjectNode().put("name", handle).put("user", handle).put("fullname", handle).put("type", "user");
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
