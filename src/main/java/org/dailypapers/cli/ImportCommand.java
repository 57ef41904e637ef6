package org.dailypapers.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dailypapers.App;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.ingest.Rejection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code import}: loads paper files into the data directory. Exit code 0: all imported; 1: some rejected. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import papers from Hugging Face daily_papers responses (JSON arrays), arXiv listings "
                + "(JSON Lines) or Daily Papers exports; files may be gzipped; directories are read file by file.",
                "The kind of each file is detected from its content. Importing the same data twice changes nothing.",
                "Exit code: 0 when every record was imported, 1 when some were rejected (each is reported)."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
    List<Path> paths;

    @Override
    public Integer call() {
        try (App app = data.open(null)) {
            long t0 = System.nanoTime();
            ImportSummary summary;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing").setUnit(" MB", 1 << 20)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250).build()) {
                summary = app.importing(() -> app.importer().importPaths(paths, (done, total) -> {
                    bar.maxHint(total);
                    bar.stepTo(done);
                }));
            }
            var err = spec.commandLine().getErr();
            for (Rejection r : summary.rejections()) {
                err.println("rejected " + r);
            }
            if (summary.rejected() > summary.rejections().size()) {
                err.println("... and " + (summary.rejected() - summary.rejections().size()) + " more rejections (see the log)");
            }
            spec.commandLine().getOut().println("Imported: " + summary);
            spec.commandLine().getOut().printf(Locale.ROOT, "Took %s: %,.0f records/s read into the database and the "
                    + "search index%n", Elapsed.since(t0), summary.read() / Math.max(Elapsed.seconds(t0), 1e-3));
            if (summary.created() >= OptimizeCommand.SUGGEST_AFTER_PAPERS) {
                spec.commandLine().getOut().println("Keyword search over this many new papers gets faster after "
                        + "'dailypapers optimize' (serve stopped; see its --help).");
            }
            spec.commandLine().getOut().flush();
            return summary.rejected() == 0 ? 0 : 1;
        }
    }
}
