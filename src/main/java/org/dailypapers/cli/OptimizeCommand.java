package org.dailypapers.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dailypapers.App;
import org.dailypapers.search.PaperSearch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code optimize}: merges the search index into one segment with its papers reordered. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Merge the search index into one segment, its papers ordered so that papers sharing words sit "
                + "together: keyword search (BM25) gets faster, about twice as fast at millions of papers "
                + "(docs/PERFORMANCE.md).",
                "Stop serve first. Embedding re-adds each paper it gives a vector, in its own order, so optimize is "
                        + "worth most once the papers have their vectors, or where embeddings are off; the HNSW graph "
                        + "is then rebuilt on every core, which takes minutes per hundred thousand papers."})
final class OptimizeCommand implements Callable<Integer> {
    /** How often a line says the merge is still running (it reports no progress of its own). */
    static final long STILL_RUNNING_SECONDS = 30;
    /** An import that adds this many papers suggests this command ({@link ImportCommand}). */
    static final long SUGGEST_AFTER_PAPERS = 100_000;

    @Mixin
    DataOptions data = new DataOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (App app = data.openExisting()) {
            long t0 = System.nanoTime();
            out.printf(Locale.ROOT, "Merging the search index of %d papers into one segment, reordered%n",
                    app.search().indexedCount());
            out.flush();
            PaperSearch.Optimized result;
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "optimize-progress");
                t.setDaemon(true);
                return t;
            });
            try {
                ticker.scheduleAtFixedRate(() -> {
                    err.printf(Locale.ROOT, "  still merging: %s%n", Elapsed.since(t0));
                    err.flush();
                }, STILL_RUNNING_SECONDS, STILL_RUNNING_SECONDS, TimeUnit.SECONDS);
                result = app.search().optimize();
            } finally {
                ticker.shutdownNow();
            }
            out.printf(Locale.ROOT, "Optimized in %s: %d segment(s) -> %d, %d papers, %d of them reordered%n",
                    Elapsed.since(t0), result.segmentsBefore(), result.segmentsAfter(), result.papers(),
                    result.reorderedPapers());
            if (result.reorderedPapers() < result.papers()) {
                out.println("Not every paper was reordered: the reordering needs more memory than a tenth of the heap "
                        + "gives it (raise -Xmx through DAILYPAPERS_JAVA_OPTS).");
            }
            out.flush();
            return 0;
        }
    }
}
