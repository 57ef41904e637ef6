package org.dailypapers.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import org.dailypapers.ingest.HarvestConfig;
import org.dailypapers.ingest.HarvestProgress;
import org.dailypapers.ingest.HarvestReport;
import org.dailypapers.ingest.Rejection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harvest arxiv|hf}: pulls new and changed papers from a source into the data directory. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        subcommands = {HarvestCommand.Arxiv.class, HarvestCommand.Hf.class},
        description = {"Harvest papers from arXiv (OAI-PMH) or Hugging Face (daily papers); runs are incremental.",
                "`serve` runs both daily when DAILYPAPERS_HARVEST_ENABLED=true (a running serve holds the data directory).",
                "Exit code: 0 complete, 1 complete but some records were rejected (each is reported), 2 stopped early "
                        + "(what was saved stays saved; the next run goes on from there)."})
final class HarvestCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Flags both sources share. */
    static final class RangeOptions {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD",
                description = "First day (inclusive). Default: where the last run stopped (a week back the first time).")
        LocalDate from;

        @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last day (inclusive). Default: today.")
        LocalDate until;
    }

    @Command(name = "arxiv", mixinStandardHelpOptions = true,
            description = {"Harvest arXiv through OAI-PMH (ListRecords, metadataPrefix=arXivRaw): follows resumption "
                    + "tokens, honours 503 Retry-After, waits between requests, resumes an interrupted harvest.",
                    "New versions update a paper's title, abstract and authors."})
    static final class Arxiv implements Callable<Integer> {
        @Mixin DataOptions data = new DataOptions();
        @Mixin RangeOptions range = new RangeOptions();
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--set", paramLabel = "SET",
                description = "OAI-PMH set: cs, math, physics:hep-ex, ...; \"\" for every set (default: $DAILYPAPERS_HARVEST_SET or cs).")
        String set;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "OAI-PMH endpoint (default: $DAILYPAPERS_HARVEST_ARXIV_BASE_URL or " + HarvestConfig.ARXIV_OAI + ").")
        String baseUrl;

        @Option(names = "--delay", paramLabel = "SECONDS",
                description = "Pause between requests; arXiv asks for 3 (default: $DAILYPAPERS_HARVEST_DELAY or 3).")
        Double delay;

        @Override
        public Integer call() {
            Optional<String> sets = set == null ? null : set.isBlank() ? Optional.empty() : Optional.of(checked(spec, "--set", set, HarvestConfig::checkSet));
            URI url = baseUrl == null ? null : checked(spec, "--base-url", baseUrl, HarvestConfig::checkUrl);
            if (delay != null && !(delay >= 0)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--delay must be >= 0 seconds");
            }
            Duration pause = delay == null ? null : Duration.ofMillis(Math.round(delay * 1000));
            AppConfig config = data.config(null);
            return harvest(spec, config.withHarvest(config.harvest().withArxiv(url, sets, pause)), " records",
                    (app, progress) -> app.harvester().arxiv(range.from, range.until, progress));
        }

    }

    @Command(name = "hf", mixinStandardHelpOptions = true,
            description = {"Harvest Hugging Face's daily papers (GET /api/daily_papers?date=D for each day), with "
                    + "upvotes, organizations, GitHub repositories and stars, like `import`.",
                    "Without --from it starts two days before the last day harvested, whose upvotes still grow."})
    static final class Hf implements Callable<Integer> {
        @Mixin DataOptions data = new DataOptions();
        @Mixin RangeOptions range = new RangeOptions();
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Hugging Face host (default: $DAILYPAPERS_HARVEST_HF_BASE_URL or " + HarvestConfig.HUGGING_FACE + ").")
        String baseUrl;

        @Override
        public Integer call() {
            URI url = baseUrl == null ? null : checked(spec, "--base-url", baseUrl, HarvestConfig::checkUrl);
            AppConfig config = data.config(null);
            return harvest(spec, config.withHarvest(config.harvest().withHf(url)), " days",
                    (app, progress) -> app.harvester().hf(range.from, range.until, progress));
        }
    }

    /** A flag's value through its check; a refused value is a usage error that names the flag. */
    static <T> T checked(CommandLine.Model.CommandSpec spec, String flag, String value,
            java.util.function.Function<String, T> check) {
        try {
            return check.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + ": " + e.getMessage());
        }
    }

    /** Runs one harvest with a progress bar, prints rejections and the summary; returns the exit code. */
    static int harvest(CommandLine.Model.CommandSpec spec, AppConfig config, String unit,
            BiFunction<App, HarvestProgress, HarvestReport> run) {
        HarvestReport report;
        try (App app = App.open(config, java.time.Clock.systemUTC());
                ProgressBar bar = new ProgressBarBuilder().setTaskName("Harvesting").setUnit(unit, 1)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build()) {
            report = app.importing(() -> run.apply(app, (done, total) -> {
                if (total > 0) {
                    bar.maxHint(total);
                }
                bar.stepTo(done);
            }));
        }
        PrintWriter err = spec.commandLine().getErr();
        for (Rejection r : report.records().rejections()) {
            err.println("rejected " + r);
        }
        long unreported = report.records().rejected() - report.records().rejections().size();
        if (unreported > 0) {
            err.println("... and " + unreported + " more rejections (see the log)");
        }
        spec.commandLine().getOut().println("Harvested " + report);
        spec.commandLine().getOut().flush();
        if (!report.completed()) {
            err.println(spec.commandLine().getColorScheme().errorText("error: " + report.failure()));
            err.flush();
            return 2;
        }
        err.flush();
        return report.records().rejected() == 0 ? 0 : 1;
    }
}
