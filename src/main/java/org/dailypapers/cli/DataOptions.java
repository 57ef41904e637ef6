package org.dailypapers.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import picocli.CommandLine.Option;

/** The options every command that opens the data directory shares. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory: database, index, outbox (default: $DAILYPAPERS_DATA or ./data).")
    Path dataDir;

    AppConfig config(Integer port) {
        return AppConfig.resolve(System.getenv(), dataDir, port);
    }

    App open(Integer port) {
        return App.open(config(port), Clock.systemUTC());
    }

    /** For commands that only read the search index: they may run while serve owns it. */
    App openBesideServer() {
        return App.openBesideServer(config(null), Clock.systemUTC());
    }
}
