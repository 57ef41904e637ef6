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
import java.util.stream.Stream;
import org.dailypapers.search.SearchDocument;

/**
 * A test collection in BEIR layout: {@code corpus.jsonl} ({@code _id, title, text}), {@code queries.jsonl}
 * ({@code _id, text}) and {@code qrels/<split>.tsv} (a header line, then query-id, corpus-id, score).
 *
 * @param queries id to text, all queries of the collection (a split's qrels select some of them)
 */
public record BeirDataset(Path dir, List<SearchDocument> corpus, Map<String, String> queries) {

    /** What a dataset directory must hold, said in error messages. */
    static final String LAYOUT = "a BEIR dataset directory holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv";

    /**
     * Loads the corpus and queries; qrels are read per split by {@link #qrels}.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory or lacks corpus.jsonl or queries.jsonl
     */
    public static BeirDataset load(Path dir) throws IOException {
        Path corpusFile = required(dir, "corpus.jsonl");
        Path queriesFile = required(dir, "queries.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<SearchDocument> corpus = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(corpusFile)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                corpus.add(SearchDocument.ofText(n.get("_id").asText(), text(n, "title"), text(n, "text")));
            }
        }
        Map<String, String> queries = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(queriesFile)) {
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
        return qrels(dir, split);
    }

    /**
     * The relevance judgements of a split of the dataset in {@code dir}, without loading its corpus.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory or has no {@code qrels/<split>.tsv}
     */
    public static Qrels qrels(Path dir, String split) throws IOException {
        requireDirectory(dir);
        Path file = dir.resolve("qrels").resolve(split + ".tsv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no split '" + split + "' in " + dir + ": " + file + " is missing"
                    + " (splits there: " + splits(dir) + "); " + LAYOUT);
        }
        return Qrels.readTsv(file);
    }

    private static String splits(Path dir) throws IOException {
        Path qrels = dir.resolve("qrels");
        if (!Files.isDirectory(qrels)) {
            return "none, no qrels/ directory";
        }
        try (Stream<Path> files = Files.list(qrels)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            return names.isEmpty() ? "none" : String.join(", ", names);
        }
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no dataset directory " + dir + "; " + LAYOUT);
        }
    }

    private static Path required(Path dir, String name) {
        requireDirectory(dir);
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no " + name + "; " + LAYOUT);
        }
        return file;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
