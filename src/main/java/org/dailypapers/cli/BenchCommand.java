package org.dailypapers.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench}: performance measurements; {@code bench search} measures indexing and querying. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchSearchCommand.class, BenchEmbedCommand.class, BenchUpvotesCommand.class, BenchClusterCommand.class, BenchForYouCommand.class, BenchFillVectorsCommand.class},
        description = "Measure performance (see the subcommands).")
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand, e.g. 'bench search'");
    }
}
