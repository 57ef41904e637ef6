package org.dailypapers.cli;

import picocli.CommandLine.Command;

/** {@code solr}: the SolrCloud search backend's operations. */
@Command(name = "solr", mixinStandardHelpOptions = true, subcommands = {SolrReindexCommand.class},
        description = {"Operate the SolrCloud search backend (DAILYPAPERS_SEARCH_BACKEND=solr; see docs/DEPLOY.md).",
                "The app nodes create the collection and keep it in step with the database on their own;",
                "these commands are for rebuilding it."})
final class SolrCommand {
}
