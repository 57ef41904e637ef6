package org.dailypapers.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.dailypapers.App;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.IndexInUseException;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.web.WebApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search}: searches the papers of the data directory from the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search papers with the product's pipeline, from the terminal.",
                "The query may use author:name, org:handle, cat:cs.CL, title:word, \"an exact phrase\" and -excluded."})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print what GET /api/papers/search returns.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many results, 1 to 120 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (words are joined with spaces).")
    List<String> words;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 120) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1 to 120, not " + limit);
        }
        String query = String.join(" ", words);
        try (App app = open()) {
            PaperSearch search = app.search();
            search.loadEmbedder();
            List<ScoredPaper> found = search.search(SearchRequest.of(query, limit));
            List<PaperRecord> records = search.records(found);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(WebApp.searchJson(records));
            } else {
                int rank = 1;
                for (PaperRecord r : records) {
                    out.printf("%2d. %s  %s%n    %s%s%n", rank++, r.paper().id(), r.paper().title().replaceAll("\\s+", " "),
                            String.join(", ", r.paper().authors().subList(0, Math.min(3, r.paper().authors().size()))),
                            r.paper().authors().size() > 3 ? " et al." : "");
                }
                if (records.isEmpty()) {
                    out.println("No papers match.");
                }
                PaperSearch.Status status = search.status();
                out.println("(" + status.method() + ", " + status.withoutVector() + " of " + status.indexed()
                        + " papers still without vectors)");
            }
            out.flush();
            return 0;
        }
    }

    /**
     * The data directory with its index caught up with the database; or, while a {@code serve} owns the index
     * (and keeps it caught up), the index read-only beside it, so that searching from the terminal never needs
     * the server stopped.
     */
    private App open() {
        try {
            App app = data.openExisting();
            try {
                app.search().catchUp(java.util.Map.of());
                return app;
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
        } catch (IndexInUseException e) {
            spec.commandLine().getErr().println("(a running serve owns the index: searching it read-only)");
            return data.openBesideServer();
        }
    }
}
