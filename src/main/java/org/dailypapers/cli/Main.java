package org.dailypapers.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dailypapers} command line: one subcommand per task. */
@Command(
        name = "dailypapers",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Daily Papers: a self-hostable research-paper feed.%n",
        subcommands = {ServeCommand.class, ImportCommand.class, HarvestCommand.class, ExportCommand.class, EmbedCommand.class, SearchCommand.class, ReindexCommand.class, OptimizeCommand.class, SolrCommand.class,
                EvalCommand.class, BenchCommand.class, DigestCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
