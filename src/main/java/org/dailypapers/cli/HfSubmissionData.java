package org.dailypapers.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.eval.recommend.HfSubmissions;
import org.dailypapers.eval.recommend.Submission;
import org.dailypapers.foryou.Vectors;
import org.dailypapers.search.VectorFile;
import picocli.CommandLine.Option;

/**
 * The options of the commands that read who submitted which Hugging Face daily paper, and the papers' vectors
 * ({@code eval recommend}, {@code bench foryou}): a picocli mixin.
 */
final class HfSubmissionData {

    @Option(names = "--papers", defaultValue = "../shared/data/hf-daily-papers",
            description = "directory of Hugging Face daily_papers responses, YYYY-MM-DD.json (default: ${DEFAULT-VALUE})")
    Path papers;

    @Option(names = "--vectors", defaultValue = "src/main/resources/demo/vectors-bge-small-en-v1.5-q.dpvf",
            description = "the papers' embeddings, a vector file (default: ${DEFAULT-VALUE})")
    Path vectors;

    /** The submissions, oldest first. */
    List<Submission> submissions() throws IOException {
        if (!Files.isDirectory(papers)) throw new IllegalArgumentException("no directory " + papers);
        return HfSubmissions.read(papers);
    }

    /** The vectors by arXiv id, scaled to unit length. */
    Map<String, float[]> unitVectors() throws IOException {
        if (!Files.isRegularFile(vectors)) throw new IllegalArgumentException("no vector file " + vectors);
        Map<String, float[]> unit = new HashMap<>();
        VectorFile.read(vectors).vectors().forEach((id, v) -> unit.put(id, Vectors.unit(v)));
        return unit;
    }
}
