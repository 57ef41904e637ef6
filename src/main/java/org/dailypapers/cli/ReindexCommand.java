package org.dailypapers.cli;

import java.util.concurrent.Callable;
import org.dailypapers.App;
import org.dailypapers.search.PaperSearch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reindex}: rebuilds the search index from the database. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the search index from the database.",
                "Vectors of papers whose text is unchanged are kept; the others are computed by serve in the background."})
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (App app = data.openExisting()) {
            long t0 = System.nanoTime();
            PaperSearch.CatchUp result = app.search().reindex();
            spec.commandLine().getOut().printf("Reindexed %d papers in %.1f s; %d without vectors%n",
                    result.added() + result.updated(), (System.nanoTime() - t0) / 1e9, app.search().status().withoutVector());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
