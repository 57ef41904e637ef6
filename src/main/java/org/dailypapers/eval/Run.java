package org.dailypapers.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.search.ScoredPaper;

/**
 * The ranked results of one method for a set of queries: query id to results, best first.
 *
 * @param tag the method and its parameters, written as the run tag of a TREC run file
 */
public record Run(String tag, Map<String, List<ScoredPaper>> results) {

    public Run {
        Map<String, List<ScoredPaper>> copy = new LinkedHashMap<>();
        results.forEach((q, r) -> copy.put(q, List.copyOf(r)));
        results = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads a TREC run file ({@code qid Q0 docid rank score tag}, as {@link TrecRunWriter} writes): each
     * query's results in the file's order, which must be best first. The tag is the first line's.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed line
     */
    public static Run readTrec(Path path) throws IOException {
        Map<String, List<ScoredPaper>> results = new LinkedHashMap<>();
        String tag = null;
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(path)) {
            for (String line; (line = in.readLine()) != null; ) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.strip().split("\\s+");
                double score;
                try {
                    if (f.length != 6) throw new NumberFormatException("expected 6 fields, found " + f.length);
                    score = Double.parseDouble(f[4]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(path + " line " + n + ": not a TREC run line (" + e.getMessage()
                            + "): " + line);
                }
                tag = tag == null ? f[5] : tag;
                results.computeIfAbsent(f[0], q -> new ArrayList<>()).add(new ScoredPaper(f[2], score));
            }
        }
        return new Run(tag == null ? path.getFileName().toString() : tag, results);
    }

    /** The ranked ids of a query; empty when the run has none. */
    public List<String> ranking(String query) {
        return results.getOrDefault(query, List.of()).stream().map(ScoredPaper::id).toList();
    }
}
