package org.dailypapers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dailypapers.eval.ArxivListings;
import org.dailypapers.eval.SearchBenchmark;
import org.dailypapers.search.OnnxEmbedder;
import org.dailypapers.search.SearchPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench search}: index build rate, index size, query latency and throughput, heap. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Benchmark indexing and search on arXiv listings (JSON lines, optionally gzip).")
public final class BenchSearchCommand implements Callable<Integer> {

    @Option(names = "--listings", defaultValue = "../shared/data/arxiv-listings.jsonl.gz",
            description = "papers to index (default: ${DEFAULT-VALUE})")
    Path listings;

    @Option(names = "--index", paramLabel = "DIR",
            description = "measure this existing index (such as DATA/index after import) instead of building one from "
                    + "--listings; queries are titles of random papers in it, and it is not written")
    Path index;

    @Option(names = "--limit", defaultValue = "1000000", description = "index at most this many papers")
    int limit;

    @Option(names = "--embed-sample", defaultValue = "200",
            description = "papers really encoded to measure the rate (the rest get random vectors) (default: ${DEFAULT-VALUE})")
    int embedSample;

    @Option(names = "--method", defaultValue = "bm25,hybrid", split = ",",
            description = "methods to time (default: ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--queries", defaultValue = "500", description = "timed queries per phase (default: ${DEFAULT-VALUE})")
    int queries;

    // 200 left the JIT compiling Lucene's scoring loops into the timed queries: BM25's median at 2.8M papers was
    // twice the settled one (docs/PERFORMANCE.md, "Eleventh session")
    @Option(names = "--warmup", defaultValue = "1000", description = "untimed queries per method first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--threads", defaultValue = "2", description = "threads of the throughput phase (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--query-words", defaultValue = "0",
            description = "cut each title query to its first N words (0: whole titles) (default: ${DEFAULT-VALUE})")
    int queryWords;

    @Option(names = "--optimize", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "merge the index to one segment before timing queries (default: ${DEFAULT-VALUE})")
    boolean optimize;

    @Option(names = "--work-dir", description = "where the indexes go (default: a temporary directory, deleted after)")
    Path workDir;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<SearchPipeline> pipelines = methods.stream().map(pipeline::build).toList();
        if (index != null) {
            requireIndex(spec, index);
            new SearchBenchmark(pipeline.embedder(), spec.commandLine().getOut()).runOnIndex(index,
                    new SearchBenchmark.QueryOptions(pipelines, queries, warmup, threads, queryWords));
            return 0;
        }
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("dailypapers-bench");
        try {
            OnnxEmbedder embedder = pipeline.embedder();
            new SearchBenchmark(embedder, spec.commandLine().getOut()).run(new SearchBenchmark.Options(
                    ArxivListings.read(listings, limit), embedSample, pipelines, queries, warmup, threads, queryWords, optimize, dir,
                    pipeline.vectors));
        } finally {
            if (workDir == null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }

    /** Refuses a directory without a search index, naming it (the {@code --index} of the bench commands). */
    static void requireIndex(CommandSpec spec, Path index) {
        if (!org.dailypapers.search.PaperSearch.exists(index)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no search index in " + index
                    + " (--index: the index directory of a data directory that has been imported, DATA/index)");
        }
    }
}
