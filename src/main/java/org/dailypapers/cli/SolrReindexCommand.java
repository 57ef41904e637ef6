package org.dailypapers.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dailypapers.AppConfig;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.SharedVectorRepository;
import org.dailypapers.search.SharedVectors;
import org.dailypapers.solr.SearchOutbox;
import org.dailypapers.solr.SolrConfig;
import org.dailypapers.solr.SolrHttp;
import org.dailypapers.solr.SolrReindexer;
import org.dailypapers.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code solr reindex}: rebuilds the Solr collection from the database without downtime. Opens only the database
 * (never this data directory's search index), so it runs beside the app nodes.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the Solr collection from the database without downtime.",
                "Builds a new collection (on the configset in this build: after a schema change, too), fills it with",
                "every paper of the database, points the alias (DAILYPAPERS_SOLR_COLLECTION) at it and deletes the old",
                "one. Searches keep using the old collection until the switch; writes made meanwhile reach both.",
                "Vectors come from the old collection (unchanged text) or from those the app nodes stored in",
                "PostgreSQL; papers still without one get it when an app node computes it.",
                "Needs DAILYPAPERS_SEARCH_BACKEND=solr, DAILYPAPERS_SOLR_URL and the app's database settings."})
final class SolrReindexCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig config = data.config(null);
        SolrConfig solr = config.solr().orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "the search backend is not solr: set DAILYPAPERS_SEARCH_BACKEND=solr and DAILYPAPERS_SOLR_URL"));
        Clock clock = Clock.systemUTC();
        try (Database database = Database.open(config.database())) {
            PaperRepository papers = new PaperRepository(database, clock);
            SharedVectors shared = database.config().isSqlite() ? SharedVectors.NONE
                    : new SharedVectorRepository(database, "solr-reindex", clock, () -> { });
            String model = config.search().model().id();
            SolrHttp http = new SolrHttp(solr.urls(), solr.timeout());
            long started = System.nanoTime();
            SolrReindexer.Result result;
            try (SearchOutbox outbox = SearchOutbox.withKnownVectors(database, papers, http, solr, docs -> shared.find(model, docs), clock);
                    ProgressBar bar = new ProgressBarBuilder().setTaskName("Reindexing").setInitialMax(papers.count())
                            .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" papers", 1).build()) {
                result = new SolrReindexer(http, solr, papers, outbox).reindex(bar::stepTo);
            }
            spec.commandLine().getOut().printf("Reindexed %d papers into %s in %.1f s; alias %s now names it%s%n",
                    result.papers(), result.collection(), (System.nanoTime() - started) / 1e9, solr.alias(),
                    result.replaced() == null ? "" : " (" + result.replaced() + " deleted)");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
