package org.dailypapers.syndication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) through Jackson. Each item has both {@code content_text}
 * and {@code content_html} (the escaped text), so a reader that renders HTML shows the same characters.
 */
final class JsonFeedWriter {
    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeedWriter() {}

    static byte[] write(FeedDocument feed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", VERSION);
        out.put("title", feed.title());
        out.put("home_page_url", feed.pageUrl());
        out.put("feed_url", feed.selfUrl());
        out.put("description", feed.description());
        out.put("language", "en");
        out.put("items", feed.items().stream().map(JsonFeedWriter::item).toList());
        try {
            return JSON.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static Map<String, Object> item(FeedItem item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", item.id());
        out.put("url", item.url());
        if (item.externalUrl() != null) {
            out.put("external_url", item.externalUrl());
        }
        out.put("title", item.title());
        out.put("content_text", item.text());
        out.put("content_html", item.html());
        out.put("date_published", item.published().toString());
        if (!item.authors().isEmpty()) {
            out.put("authors", item.authors().stream().map(name -> Map.of("name", name)).toList());
        }
        if (!item.tags().isEmpty()) {
            out.put("tags", List.copyOf(item.tags()));
        }
        return out;
    }
}
