package org.dailypapers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every command that opens the data directory shares. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory: database, index, outbox (default: $DAILYPAPERS_DATA or ./data).")
    Path dataDir;

    /** The command this mixin belongs to, for its errors. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    AppConfig config(Integer port) {
        return AppConfig.resolve(System.getenv(), dataDir, port);
    }

    /** Opens the data directory, creating an empty instance there when there is none (import, harvest, serve). */
    App open(Integer port) {
        return App.open(config(port), Clock.systemUTC());
    }

    /**
     * Opens the data directory of an instance that exists. For commands that work on what is there (optimize,
     * reindex, export, search...): a mistyped {@code --data} must be named, not answered by a new, empty instance
     * created where the user did not mean one.
     */
    App openExisting() {
        AppConfig config = config(null);
        requireExisting(config);
        return App.open(config, Clock.systemUTC());
    }

    /** For commands that only read the search index: they may run while serve owns it. */
    App openBesideServer() {
        AppConfig config = config(null);
        requireExisting(config);
        return App.openBesideServer(config, Clock.systemUTC());
    }

    /**
     * Refuses an embedded database that does not exist yet. On PostgreSQL the database is elsewhere and a new data
     * directory is a new node's index, which commands such as reindex build from the database: nothing to refuse.
     */
    private void requireExisting(AppConfig config) {
        config.database().sqliteFile().filter(database -> !Files.isRegularFile(database)).ifPresent(database -> {
            throw new ParameterException(command.commandLine(), "no Daily Papers instance in " + config.dataDir()
                    + " (no database at " + database + "): give --data DIR of an existing instance, or create one with "
                    + "'dailypapers import FILE' or 'dailypapers serve'");
        });
    }
}
