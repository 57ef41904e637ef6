package org.dailypapers.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dailypapers.eval.VectorFill;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.VectorFile;
import org.dailypapers.search.VectorStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench fill-vectors}: vectors without the model for every paper of an index, to measure search at scale. */
@Command(name = "fill-vectors", mixinStandardHelpOptions = true,
        description = {"Give every paper of an index that has no vector one, without the model: its real vector where "
                + "the vector file has it, else a jittered copy of a real one (see docs/PERFORMANCE.md, issue 16).",
                "For benchmarks only: the vectors are not the model's. Stop serve first (the index is written).",
                "Example: ./dailypapers bench fill-vectors --index ../scale/d2800k/index"})
public final class BenchFillVectorsCommand implements Callable<Integer> {

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index directory (DATA/index)")
    Path index;

    @Option(names = "--vectors-file", defaultValue = "src/main/resources/demo/vectors-bge-small-en-v1.5-q.dpvf",
            description = "real vectors to copy (default: ${DEFAULT-VALUE}, the demo papers' bge-small vectors)")
    Path vectorsFile;

    @Option(names = "--jitter", defaultValue = "0.6",
            description = "norm of the noise added to a unit vector before normalising again; 0.6 puts a copy at cosine "
                    + "0.86 to its original (default: ${DEFAULT-VALUE})")
    double jitter;

    @Option(names = "--seed", defaultValue = "16", description = "seed of the noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--ram-buffer-mb", defaultValue = "512",
            description = "index writer buffer: larger means fewer segments and merges (default: ${DEFAULT-VALUE})")
    double ramBufferMb;

    @Option(names = "--threads", defaultValue = "2", description = "threads adding documents, each building HNSW graphs "
            + "of its own segments (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--vectors", defaultValue = "FLOAT32", description = "HNSW vector storage: FLOAT32 (what serve uses) or INT8 (default: ${DEFAULT-VALUE})")
    VectorStorage storage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchSearchCommand.requireIndex(spec, index); // opening for writing would create an empty one
        if (!java.nio.file.Files.isRegularFile(vectorsFile)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no vectors file " + vectorsFile
                    + " (--vectors-file: a .dpvf file such as the demo's, src/main/resources/demo/*.dpvf)");
        }
        VectorFill fill = new VectorFill(VectorFile.read(vectorsFile), jitter, seed);
        try (PaperIndex paperIndex = PaperIndex.open(index, storage)) {
            paperIndex.ramBuffer(ramBufferMb);
            int todo = paperIndex.countWithoutVector();
            VectorFill.Result r;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Vectors").setInitialMax(todo)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(1000).build()) {
                r = fill.fill(paperIndex, threads, bar::stepTo);
                bar.stepTo(todo);
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "fill-vectors papers=%d real=%d jittered=%d (jitter %.2f) seconds=%.1f papers/s=%.0f "
                    + "segments=%d%n", r.real() + r.jittered(), r.real(), r.jittered(), jitter, r.seconds(),
                    (r.real() + r.jittered()) / Math.max(1e-9, r.seconds()), paperIndex.segmentCount());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
