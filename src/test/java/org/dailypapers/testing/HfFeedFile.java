package org.dailypapers.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Hugging Face {@code daily_papers} answer (the shape of the recorded fixtures, fields trimmed to what
 * the importer reads) for papers a test makes up: many papers for paging, a given abstract for math.
 */
public final class HfFeedFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One item. {@code organization} and {@code fullname} may be null; so may {@code submittedBy}. */
    public record Item(String id, LocalDate day, String title, String summary, int upvotes, int comments,
            String submittedBy, String organization, String fullname) {
        public Item(String id, LocalDate day, String title, String summary) {
            this(id, day, title, summary, 3, 0, null, null, null);
        }
    }

    private final List<Item> items = new ArrayList<>();
    private final Map<String, List<String>> authors = new HashMap<>();

    public HfFeedFile add(Item item) {
        items.add(item);
        return this;
    }

    /** Gives the paper {@code id} these authors (else it has one, Ada Lovelace). */
    public HfFeedFile authors(String id, List<String> names) {
        authors.put(id, List.copyOf(names));
        return this;
    }

    /** Writes the items as one JSON array to {@code dir/name} and returns the path. */
    public Path write(Path dir, String name) {
        ArrayNode array = JSON.createArrayNode();
        for (Item it : items) {
            ObjectNode paper = JSON.createObjectNode()
                    .put("id", it.id())
                    .put("publishedAt", it.day().minusDays(1) + "T00:00:00.000Z")
                    .put("submittedOnDailyAt", it.day() + "T00:00:00.000Z")
                    .put("title", it.title())
                    .put("summary", it.summary())
                    .put("upvotes", it.upvotes());
            ArrayNode names = paper.putArray("authors");
            for (String author : authors.getOrDefault(it.id(), List.of("Ada Lovelace"))) {
                names.addObject().put("name", author).put("hidden", false);
            }
            if (it.submittedBy() != null) {
                paper.putObject("submittedOnDailyBy").put("user", it.submittedBy()).put("fullname", it.submittedBy());
            }
            if (it.organization() != null) {
                ObjectNode org = paper.putObject("organization").put("name", it.organization());
                if (it.fullname() != null) {
                    org.put("fullname", it.fullname());
                }
            }
            ObjectNode item = array.addObject();
            item.set("paper", paper);
            item.put("publishedAt", it.day() + "T12:00:00.000Z").put("title", it.title()).put("summary", it.summary())
                    .put("numComments", it.comments());
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), array);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
