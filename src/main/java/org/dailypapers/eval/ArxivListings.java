package org.dailypapers.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.dailypapers.search.SearchDocument;

/**
 * Reads the benchmark collection of arXiv listings: JSON lines (optionally gzip) with id, title, authors[],
 * categories[], comment, abstract and listed (the listing day), as search documents.
 */
public final class ArxivListings {

    private ArxivListings() {}

    /** The first {@code limit} papers of the file. */
    public static List<SearchDocument> read(Path path, int limit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<SearchDocument> docs = new ArrayList<>();
        InputStream raw = Files.newInputStream(path);
        if (path.toString().endsWith(".gz")) {
            raw = new GZIPInputStream(raw, 1 << 16);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            for (String line; docs.size() < limit && (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                JsonNode listed = n.get("listed");
                docs.add(new SearchDocument(n.get("id").asText(), n.path("title").asText(""),
                        n.path("abstract").asText(""), strings(n.get("authors")), List.of(),
                        strings(n.get("categories")), null,
                        listed == null || listed.isNull() ? null : LocalDate.parse(listed.asText()), false));
            }
        }
        return docs;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
