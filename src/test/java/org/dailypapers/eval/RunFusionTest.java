package org.dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dailypapers.search.FusionParams;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.VectorStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run files read back as written, and fused per query with the product's fusion. */
class RunFusionTest {

    private static final Path MINI = Path.of("src/test/resources/eval/mini-beir");

    @Test
    void a_written_run_file_reads_back_equal(@TempDir Path dir) throws Exception {
        try (EvalRunner runner = new EvalRunner(BeirDataset.load(MINI), null, VectorStorage.FLOAT32, 100)) {
            Run run = runner.evaluate(SearchPipeline.named("bm25", null), "test").run();
            Path file = dir.resolve("bm25.txt");
            new TrecRunWriter().write(run, file);
            Run back = Run.readTrec(file);
            assertThat(back.tag()).isEqualTo(run.tag());
            assertThat(back.results().keySet()).isEqualTo(run.results().keySet());
            for (String q : run.results().keySet()) {
                assertThat(back.ranking(q)).isEqualTo(run.ranking(q));
            }
            // a run fused with itself alone ranks as before and scores as before
            Run self = RunFusion.fuse(List.of(back), List.of(1.0), FusionParams.DEFAULT, 100);
            Qrels qrels = BeirDataset.load(MINI).qrels("test");
            assertThat(EvalRunner.score("bm25", self, qrels, 0).summary()).isEqualTo(EvalRunnerTest.GOLDEN_SUMMARY);
        }
    }

    @Test
    void three_runs_fuse_per_query_and_say_so_in_the_tag() {
        Run a = new Run("A", Map.of("q1", List.of(new ScoredPaper("d1", 3), new ScoredPaper("d2", 1))));
        Run b = new Run("B", Map.of("q1", List.of(new ScoredPaper("d2", 0.9), new ScoredPaper("d3", 0.1)),
                "q2", List.of(new ScoredPaper("d4", 1))));
        Run c = new Run("C", Map.of("q1", List.of(new ScoredPaper("d3", 5), new ScoredPaper("d2", 4))));
        Run fused = RunFusion.fuse(List.of(a, b, c), List.of(0.2, 0.5, 0.3), FusionParams.RRF, 10);
        // d2: .2*2/62 + .5*2/61 + .3*2/62 beats d3 (.5*2/62 + .3*2/61) and d1 (.2*2/61)
        assertThat(fused.ranking("q1")).containsExactly("d2", "d3", "d1");
        assertThat(fused.ranking("q2")).containsExactly("d4");
        assertThat(fused.tag()).isEqualTo("fuse[0.2*A|0.5*B|0.3*C]+rrf(k=60,depth=100)");
    }

    @Test
    void a_malformed_run_line_names_the_file_and_line(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "q1 Q0 d1 1 0.5 tag\nq1 Q0 d2 2 high tag\n");
        assertThatThrownBy(() -> Run.readTrec(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.txt line 2");
    }
}
