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

    @Test
    void commands_that_work_on_an_instance_refuse_a_data_directory_without_one_and_create_nothing() {
        Path missing = dir.resolve("no-such-instance");
        for (List<String> args : List.of(List.of("optimize"), List.of("reindex"), List.of("search", "transformers"),
                List.of("export", dir.resolve("out.jsonl").toString()))) {
            String[] argv = java.util.stream.Stream.concat(args.stream(), java.util.stream.Stream.of("--data", missing.toString()))
                    .toArray(String[]::new);

            MainTest.Run run = MainTest.run(argv);

            assertThat(run.exitCode()).as(args.get(0)).isEqualTo(2);
            assertThat(run.err()).as(args.get(0)).contains("no Daily Papers instance in " + missing, "papers.db");
            assertThat(missing).as(args.get(0) + " created the directory").doesNotExist();
        }
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }
}
