package org.dailypapers.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.HubLinks;

/**
 * Reads {@link HubLinks} from a Hugging Face item (a {@code daily_papers} item or a {@code /api/papers/{id}}
 * answer): {@code paper.discussionId}, and {@code linkedModels}, {@code linkedDatasets}, {@code linkedSpaces}
 * (arrays of objects with an {@code id}, on the item or on its paper). Lenient: a field of the wrong shape is
 * treated as not given, so a record whose metadata is good is never rejected for its links.
 */
final class HubLinksMapper {
    /** Hugging Face's discussion ids are 24 hex digits; anything longer than this is not one. */
    private static final int MAX_DISCUSSION_ID = 64;
    private static final int MAX_REPO_ID = 200;
    private static final int MAX_LINKS = 1_000;

    private HubLinksMapper() {}

    static HubLinks map(ArxivId id, JsonNode item) {
        JsonNode paper = item.path("paper");
        return new HubLinks(id, discussionId(paper.has("discussionId") ? paper : item),
                repoIds(item, paper, "linkedModels"), repoIds(item, paper, "linkedDatasets"), repoIds(item, paper, "linkedSpaces"));
    }

    private static String discussionId(JsonNode node) {
        JsonNode value = node.get("discussionId");
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() || text.length() > MAX_DISCUSSION_ID || !text.matches("[A-Za-z0-9_-]+") ? null : text;
    }

    private static List<String> repoIds(JsonNode item, JsonNode paper, String field) {
        JsonNode value = item.has(field) ? item.get(field) : paper.get(field);
        if (value == null || !value.isArray() || value.size() > MAX_LINKS) {
            return null;
        }
        List<String> ids = new ArrayList<>(value.size());
        for (JsonNode link : value) {
            JsonNode repo = link.isObject() ? link.get("id") : link;
            if (repo == null || !repo.isTextual()) {
                return null;
            }
            String text = repo.asText().strip();
            if (text.isEmpty() || text.length() > MAX_REPO_ID || !text.matches("[A-Za-z0-9][A-Za-z0-9._/-]*")) {
                return null;
            }
            ids.add(text);
        }
        return ids;
    }
}
