package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.dailypapers.App;
import org.dailypapers.TestInstance;
import org.dailypapers.ingest.ImportProgress;
import org.dailypapers.search.PaperIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code optimize}: the index of a data directory merged into one reordered segment, every paper kept. */
class OptimizeCommandTest {
    @TempDir
    Path dir;

    @Test
    void optimize_merges_two_imports_into_one_reordered_segment_and_keeps_every_paper() throws Exception {
        Path data = dir.resolve("data");
        int papers;
        for (String fixture : List.of("hf", "listings.jsonl.gz")) { // two imports, two commits: two segments
            try (App app = App.open(ImportCommandTest.config(data), Clock.systemUTC())) {
                app.importer().importPaths(List.of(TestInstance.fixture(fixture)), ImportProgress.NONE);
            }
        }
        try (App app = App.openBesideServer(ImportCommandTest.config(data), Clock.systemUTC())) {
            papers = (int) app.papers().count();
        }
        try (PaperIndex index = PaperIndex.openReadOnly(data.resolve("index"))) {
            assertThat(index.segmentCount()).isGreaterThan(1);
            assertThat(index.count()).isEqualTo(papers);
        }

        MainTest.Run run = MainTest.run("optimize", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("into one segment", "-> 1, " + papers + " papers, " + papers + " of them reordered");
        try (PaperIndex index = PaperIndex.openReadOnly(data.resolve("index"))) {
            assertThat(index.segmentCount()).isEqualTo(1);
            assertThat(index.count()).isEqualTo(papers);
            assertThat(index.reorderedPapers()).isEqualTo(papers);
        }

        MainTest.Run again = MainTest.run("optimize", "--data", data.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("-> 1, " + papers + " papers, " + papers + " of them reordered")
                .doesNotContain("Not every paper");
    }
}
