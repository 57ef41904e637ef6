package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dailypapers.App;
import org.dailypapers.AppConfig;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} of the arXiv listings killed with SIGKILL at three points (20 %, 45 % and 70 % of the way through,
 * by its progress bar), then run again to the end: the database holds what a clean import holds and the
 * search index holds exactly the database's papers.
 *
 * <p>By default a deterministic slice: every 5th line of {@code ../shared/data/arxiv-listings.jsonl.gz} (14,946 of
 * 74,728 records), so that five imports stay within CI's time on 2 cores. The full file:
 * {@code -Ddailypapers.crash.full=true}. Skipped when the shared data is not beside the repository.
 */
class ImportCrashTest {
    static final Path LISTINGS = Path.of(System.getProperty("dailypapers.listings", "../shared/data/arxiv-listings.jsonl.gz"));
    static final boolean FULL = Boolean.getBoolean("dailypapers.crash.full");
    static final int EVERY = 5;
    static final Pattern PROGRESS = Pattern.compile("Importing\\s+(\\d+)%");

    @TempDir
    Path dir;

    static AppConfig config(Path data) {
        return AppConfig.resolve(Map.of("DAILYPAPERS_DEMO", "false", "DAILYPAPERS_EMBED", "false"), data, null);
    }

    /** Every {@code every}-th line of {@code from}, gzipped into {@code to}. */
    static int slice(Path from, Path to, int every) throws IOException {
        int kept = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(from), 1 << 16),
                StandardCharsets.UTF_8));
                Writer out = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(to), 1 << 16), StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine(), n++) {
                if (n % every == 0) {
                    out.write(line);
                    out.write('\n');
                    kept++;
                }
            }
        }
        return kept;
    }

    @Test
    void an_import_killed_three_times_then_run_again_equals_a_clean_import_and_the_index_agrees() throws Exception {
        assumeTrue(Files.isReadable(LISTINGS), LISTINGS + " is not beside the repository");
        Path input = FULL ? LISTINGS : dir.resolve("listings-slice.jsonl.gz");
        if (!FULL) {
            assertThat(slice(LISTINGS, input, EVERY)).isEqualTo(14_946);
        }

        long clean;
        try (App app = App.open(config(dir.resolve("clean")), Clock.systemUTC())) {
            ImportSummary summary = app.importer().importPaths(List.of(input), ImportProgress.NONE);
            clean = app.papers().count();
            assertThat(clean).isEqualTo(summary.created()).isPositive();
        }

        Path data = dir.resolve("crashed");
        for (int killAt : new int[] {20, 45, 70}) {
            Process child = importInChild(input, data);
            int reached = waitForProgress(child, killAt);
            // Progress counts bytes read, ahead of what is saved (a batch is 5,000 records): a kill at 100 % still
            // lands before the last commit. Records saved by an earlier run are read fast, hence the lower points.
            boolean running = child.isAlive();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(running).as("the import was still running when killed at %d%%", reached).isTrue();
            assertThat(reached).isGreaterThanOrEqualTo(killAt);
        }
        Process last = importInChild(input, data);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("Imported: read ");

        try (App app = App.openBesideServer(config(data), Clock.systemUTC());
                PaperIndex index = PaperIndex.openReadOnly(data.resolve("index"))) {
            assertThat(app.papers().count()).isEqualTo(clean);
            Set<String> inDatabase = new HashSet<>();
            app.papers().forEach(r -> inDatabase.add(r.paper().id().value()));
            assertThat(index.indexedIds()).hasSize(inDatabase.size()).isEqualTo(inDatabase);
        }
    }

    private Process importInChild(Path input, Path data) throws IOException {
        return ChildJvm.start(dir, List.of("-Xmx512m", "--add-modules", "jdk.incubator.vector"), Map.of(),
                "import", "--data", data.toString(), input.toString());
    }

    /** Waits until the child's progress bar shows at least {@code percent}; returns what it showed. */
    private int waitForProgress(Process child, int percent) throws Exception {
        Path err = dir.resolve("err.txt");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            int shown = -1;
            Matcher m = PROGRESS.matcher(Files.readString(err, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                shown = Integer.parseInt(m.group(1));
            }
            if (shown >= percent || !child.isAlive()) {
                return shown;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import never reached " + percent + "%");
    }
}
