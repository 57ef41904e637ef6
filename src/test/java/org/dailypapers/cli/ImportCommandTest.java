package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import org.dailypapers.TestInstance;
import org.dailypapers.ingest.ImportProgress;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.search.PaperIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} after an import that was killed between saving a batch and indexing it. */
class ImportCommandTest {
    @TempDir
    Path dir;

    static AppConfig config(Path data) {
        return AppConfig.resolve(Map.of("DAILYPAPERS_DEMO", "false", "DAILYPAPERS_EMBED", "false"), data, null);
    }

    @Test
    void an_import_after_one_killed_between_database_and_index_indexes_what_the_killed_one_saved() throws Exception {
        Path data = dir.resolve("data");
        Path input = TestInstance.fixture("hf");
        // What a run killed after its database commit and before its index commit leaves: the papers in the
        // database only, and the marker that says an import was under way.
        try (App app = App.open(config(data), Clock.systemUTC())) {
            new PaperImporter(app.papers(), saved -> {}).importPaths(List.of(input), ImportProgress.NONE);
            assertThat(app.papers().count()).isPositive();
        }
        Files.writeString(data.resolve("import.unfinished"), "4242");

        MainTest.Run rerun = MainTest.run("import", "--data", data.toString(), input.toString());

        assertThat(rerun.exitCode()).isZero();
        assertThat(rerun.out()).containsPattern("Imported: read \\d+.*\\nTook \\d+ s: [\\d,]+ records/s read into");
        assertThat(data.resolve("import.unfinished")).doesNotExist();
        try (App app = App.openBesideServer(config(data), Clock.systemUTC());
                PaperIndex index = PaperIndex.openReadOnly(data.resolve("index"))) {
            Set<String> inDatabase = new HashSet<>();
            app.papers().forEach(r -> inDatabase.add(r.paper().id().value()));
            assertThat(index.indexedIds()).isEqualTo(inDatabase);
        }
    }
}
