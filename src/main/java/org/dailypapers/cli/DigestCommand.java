package org.dailypapers.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dailypapers.App;
import org.dailypapers.digest.DigestPeriod;
import org.dailypapers.digest.SendOptions;
import org.dailypapers.digest.SendSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code digest send}: sends one period's email digests (for cron; {@code serve} does it on its own schedule). */
@Command(name = "digest", mixinStandardHelpOptions = true, subcommands = DigestCommand.Send.class,
        description = "Email digests (see the subcommands).")
final class DigestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand, e.g. 'digest send --period daily'");
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Send the daily or weekly digest of one period to every confirmed subscriber who has not had it.",
                    "Safe to run again, or at the same time as another run: nobody gets a digest twice.",
                    "Links in the mail point to $DAILYPAPERS_BASE_URL, else to the serve running on the same data directory;"
                            + " with neither, nothing is sent.",
                    "Exit code: 0 when every digest went out (or was sent before), 1 when some failed (the next run retries them),"
                            + " 2 for bad options or no address for links."})
    static final class Send implements Callable<Integer> {
        @Mixin
        DataOptions data = new DataOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--period", required = true, paramLabel = "daily|weekly", description = "Which digest to send.")
        String period;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "A day of the period to send: that feed day (daily) or its ISO week (weekly). "
                        + "Default: the last finished period of the feed's calendar (New York time: yesterday's feed day, "
                        + "or last week), whatever $DAILYPAPERS_DIGEST_ZONE is.")
        String date;

        @Option(names = "--resend-uncertain",
                description = "Also resend digests whose run died while handing them to the mail server "
                        + "(they may have arrived: at-least-once instead of at-most-once for those).")
        boolean resendUncertain;

        @Override
        public Integer call() {
            DigestPeriod kind;
            LocalDate day;
            try {
                kind = DigestPeriod.parse(period);
                day = date == null ? null : LocalDate.parse(date.strip());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), e instanceof DateTimeParseException
                        ? "--date must be a day YYYY-MM-DD, not '" + date + "'" : "--period: " + e.getMessage());
            }
            try (App app = data.openBesideServer()) {
                java.util.Optional<java.net.URI> base = linksBase(app);
                if (base.isEmpty()) {
                    spec.commandLine().getErr().println("digest send: nothing sent, because links in the mail would point nowhere."
                            + " Set DAILYPAPERS_BASE_URL to this instance's public address (e.g. https://papers.example.org),"
                            + " or run digest send while serve runs on the same data directory ("
                            + app.config().dataDir().resolve(ServerAddressFile.NAME) + " then names its address).");
                    spec.commandLine().getErr().flush();
                    return 2;
                }
                // Topic sections search as serve does (hybrid): load the query encoder, as serve's worker would.
                app.search().loadEmbedder();
                LocalDate someDay = day != null ? day
                        : kind.lastCompletedAt(Instant.now()).first();
                SendSummary summary;
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Sending " + kind.id() + " " + kind.feedPeriod(someDay).key())
                        .setUnit(" subscribers", 1).setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250).build()) {
                    summary = app.digests().send(kind, someDay, base.get(), SendOptions.defaults().withResendUncertain(resendUncertain),
                            (done, total) -> {
                                bar.maxHint(total);
                                bar.stepTo(done);
                            });
                }
                spec.commandLine().getOut().println("Digest " + summary + " (links to " + base.get() + ")");
                spec.commandLine().getOut().flush();
                return summary.ok() ? 0 : 1;
            }
        }

        /**
         * Where links in the mail point: DAILYPAPERS_BASE_URL, else the server running on this data directory
         * (its port, whatever --port it was given), else nowhere: guessing port 8080 mailed dead links.
         */
        private static java.util.Optional<java.net.URI> linksBase(App app) {
            return app.config().baseUrl().or(() -> ServerAddressFile.read(app.config().dataDir()));
        }
    }
}
