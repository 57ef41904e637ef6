package org.dailypapers.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dailypapers.search.ScoredPaper;

/** Writes a {@link Run} in TREC format: {@code qid Q0 docid rank score tag}, ranks from 1, as trec_eval reads. */
public final class TrecRunWriter {

    public void write(Run run, Path path) throws IOException {
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        String tag = run.tag().replaceAll("\\s+", "");
        try (BufferedWriter out = Files.newBufferedWriter(path)) {
            for (var e : run.results().entrySet()) {
                List<ScoredPaper> results = e.getValue();
                for (int r = 0; r < results.size(); r++) {
                    out.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", e.getKey(), results.get(r).id(),
                            r + 1, results.get(r).score(), tag));
                }
            }
        }
    }
}
