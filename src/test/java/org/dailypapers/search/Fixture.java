package org.dailypapers.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The 30-paper test collection in src/test/resources/search/papers.jsonl. */
public final class Fixture {

    private Fixture() {}

    public static List<SearchDocument> papers() {
        ObjectMapper json = new ObjectMapper();
        List<SearchDocument> docs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Fixture.class.getResourceAsStream("/search/papers.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                docs.add(new SearchDocument(n.get("id").asText(), n.get("title").asText(), n.get("abstract").asText(),
                        strings(n.get("authors")), strings(n.get("keywords")), strings(n.get("categories")),
                        n.get("organization").isNull() ? null : n.get("organization").asText(),
                        LocalDate.parse(n.get("day").asText()), n.get("hasCode").asBoolean()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** An in-memory index of the fixture, with vectors from {@code embedder} when it is not null. */
    public static PaperIndex index(Embedder embedder) {
        PaperIndex index = PaperIndex.inMemory(VectorStorage.FLOAT32);
        List<SearchDocument> docs = papers();
        List<float[]> vectors = embedder == null ? null
                : embedder.embedDocuments(docs.stream().map(SearchDocument::embeddingText).toList());
        for (int i = 0; i < docs.size(); i++) {
            index.upsert(docs.get(i), vectors == null ? null : vectors.get(i));
        }
        index.commit();
        return index;
    }

    public static List<String> ids(List<ScoredPaper> results) {
        return results.stream().map(ScoredPaper::id).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
