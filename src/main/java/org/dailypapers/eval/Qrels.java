package org.dailypapers.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Graded relevance judgements: query id to (document id to grade). A grade of 0 or less means judged not
 * relevant. Query order is the file's.
 */
public record Qrels(Map<String, Map<String, Integer>> judgements) {

    public Qrels {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        judgements.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
        judgements = Collections.unmodifiableMap(copy);
    }

    /** Reads a BEIR tsv (query-id, corpus-id, score; a header line is skipped) or a TREC qrels file. */
    public static Qrels readTsv(Path path) throws IOException {
        Map<String, Map<String, Integer>> j = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(path)) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.strip().split("\\s+");
                if (line.isBlank() || f[0].equals("query-id")) continue;
                // BEIR: q doc score; TREC: q 0 doc score
                String doc = f.length >= 4 ? f[2] : f[1];
                int grade = Integer.parseInt(f[f.length - 1]);
                j.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(doc, grade);
            }
        }
        return new Qrels(j);
    }

    public int grade(String query, String doc) {
        return judgements.getOrDefault(query, Map.of()).getOrDefault(doc, 0);
    }

    public Map<String, Integer> of(String query) {
        return judgements.getOrDefault(query, Map.of());
    }
}
