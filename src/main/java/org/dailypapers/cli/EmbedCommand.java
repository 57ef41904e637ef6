package org.dailypapers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dailypapers.App;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.EmbeddingModelName;
import org.dailypapers.search.OnnxEmbedder;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.VectorEncoding;
import org.dailypapers.search.VectorFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code embed}: computes the embedding of every paper in the data directory into a vector file keyed by
 * arXiv id. The bundled demo vectors are made with it. Appends and resumes: papers already in the file (of
 * the same model) are skipped, so an interrupted run continues where it stopped.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Compute paper embeddings into a vector file (resumable).",
                "The demo vectors: ./dailypapers embed --data DIR --out src/main/resources/demo/vectors-bge-small-en-v1.5-q.dpvf"})
final class EmbedCommand implements Callable<Integer> {
    private static final int BATCH = 32;

    @Mixin
    DataOptions data = new DataOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The vector file to write or extend.")
    Path out;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "bge-small-en-v1.5-q",
            description = "Embedding model: bge-small-en-v1.5-q or all-minilm-l6-v2-q (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--encoding", paramLabel = "E", defaultValue = "FLOAT16",
            description = "Vector encoding in the file: FLOAT32, FLOAT16 or INT8 (default: ${DEFAULT-VALUE}).")
    VectorEncoding encoding;

    @Override
    public Integer call() throws Exception {
        EmbeddingModelName name = EmbeddingModelName.parse(model).requireAvailable();
        Set<String> done = Files.exists(out) ? VectorFile.read(out).vectors().keySet() : Set.of();
        try (App app = data.openExisting()) {
            List<SearchDocument> todo = new ArrayList<>();
            app.papers().forEach((PaperRecord r) -> {
                if (!done.contains(r.paper().id().value())) {
                    todo.add(SearchDocument.from(r.paper(), r.entry() == null ? null : r.entry().feedDay()));
                }
            });
            OnnxEmbedder embedder = OnnxEmbedder.load(name);
            spec.commandLine().getOut().printf("%d papers to embed with %s (%d already in %s)%n",
                    todo.size(), embedder.modelId(), done.size(), out);
            spec.commandLine().getOut().flush();
            try (VectorFile.Appender file = VectorFile.append(out, embedder.modelId(), embedder.dimension(), encoding);
                    ProgressBar bar = new ProgressBarBuilder().setTaskName("Embedding").setInitialMax(todo.size())
                            .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" papers", 1).build()) {
                for (int i = 0; i < todo.size(); i += BATCH) {
                    List<SearchDocument> batch = todo.subList(i, Math.min(todo.size(), i + BATCH));
                    List<float[]> vectors = embedder.embedDocuments(batch.stream().map(SearchDocument::embeddingText).toList());
                    for (int j = 0; j < batch.size(); j++) {
                        file.add(batch.get(j).id(), vectors.get(j));
                    }
                    file.flush();
                    bar.stepBy(batch.size());
                }
            }
        }
        return 0;
    }
}
