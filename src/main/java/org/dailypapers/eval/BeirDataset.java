package org.dailypapers.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.search.SearchDocument;

/**
 * A test collection in BEIR layout: {@code corpus.jsonl} ({@code _id, title, text}), {@code queries.jsonl}
 * ({@code _id, text}) and {@code qrels/<split>.tsv} (a header line, then query-id, corpus-id, score).
 *
 * @param queries id to text, all queries of the collection (a split's qrels select some of them)
 */
public record BeirDataset(Path dir, List<SearchDocument> corpus, Map<String, String> queries) {

    /** Loads the corpus and queries; qrels are read per split by {@link #qrels}. */
    public static BeirDataset load(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<SearchDocument> corpus = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("corpus.jsonl"))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                corpus.add(SearchDocument.ofText(n.get("_id").asText(), text(n, "title"), text(n, "text")));
            }
        }
        Map<String, String> queries = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("queries.jsonl"))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                queries.put(n.get("_id").asText(), text(n, "text"));
            }
        }
        return new BeirDataset(dir, List.copyOf(corpus), Map.copyOf(queries));
    }

    /** The relevance judgements of a split ({@code test}, {@code train}, {@code dev}). */
    public Qrels qrels(String split) throws IOException {
        return Qrels.readTsv(dir.resolve("qrels").resolve(split + ".tsv"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
