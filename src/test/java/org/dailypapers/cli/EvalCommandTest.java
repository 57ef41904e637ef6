package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailypapers.eval.BeirDataset;
import org.dailypapers.eval.EvalRunner;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.VectorStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} from the command line on the six-document BEIR collection in src/test/resources/eval. */
class EvalCommandTest {

    private static final Path MINI = Path.of("src/test/resources/eval/mini-beir");
    private static final String SCORES = "nDCG@10=\\d\\.\\d{4} Recall@100=\\d\\.\\d{4} MRR@10=\\d\\.\\d{4}";

    @TempDir
    Path dir;

    private static List<String> lines(String out) {
        return out.lines().toList();
    }

    /** What the runner itself scores: the CLI must print exactly that. */
    private static String runnerSummary(String method) throws Exception {
        try (EvalRunner runner = new EvalRunner(BeirDataset.load(MINI), null, VectorStorage.FLOAT32, 1000)) {
            return runner.evaluate(SearchPipeline.named(method, null), "test").result().summary();
        }
    }

    @Test
    void scores_several_methods_and_writes_one_run_file_per_method() throws Exception {
        Path runFile = dir.resolve("run.txt");
        MainTest.Run r = MainTest.run("eval", "--dataset", MINI.toString(), "--method", "bm25,bm25+rm3",
                "--run-file", runFile.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(lines(r.out())).hasSize(2).satisfiesExactly(
                l -> assertThat(l).matches("method=bm25 " + SCORES),
                l -> assertThat(l).matches("method=bm25\\+rm3 " + SCORES));
        assertThat(lines(r.out())).containsExactly(runnerSummary("bm25"), runnerSummary("bm25+rm3"));
        assertThat(r.err()).contains("tag=bm25(k1=0.9", "split=test queries=3");

        assertThat(runFile).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("run.bm25.txt")).get(0)).startsWith("q1 Q0 d1 1 ").endsWith(")");
        assertThat(Files.readAllLines(dir.resolve("run.bm25-rm3.txt"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("+rm3("));
    }

    @Test
    void fuses_and_compares_run_files() throws Exception {
        Path runFile = dir.resolve("run.txt");
        assertThat(MainTest.run("eval", "--dataset", MINI.toString(), "--method", "bm25,bm25+rm3",
                "--run-file", runFile.toString()).exitCode()).isZero();
        String bm25 = dir.resolve("run.bm25.txt").toString();
        String rm3 = dir.resolve("run.bm25-rm3.txt").toString();

        Path fusedFile = dir.resolve("fused.txt");
        MainTest.Run fused = MainTest.run("eval", "--dataset", MINI.toString(), "--fuse", bm25 + "=1",
                "--fuse", rm3 + "=1", "--run-file", fusedFile.toString());
        assertThat(fused.exitCode()).as(fused.err()).isZero();
        assertThat(lines(fused.out())).singleElement().asString().matches("method=fuse " + SCORES);
        assertThat(fusedFile).isNotEmptyFile();

        MainTest.Run compared = MainTest.run("eval", "--dataset", MINI.toString(), "--compare", bm25, rm3);
        assertThat(compared.exitCode()).as(compared.err()).isZero();
        assertThat(lines(compared.out())).singleElement().asString().matches(
                "nDCG@10 A=\\d\\.\\d{4} B=\\d\\.\\d{4} diff=[+-]\\d\\.\\d{4} SE=\\d\\.\\d{4} better=\\d+ worse=\\d+ queries=3");
        // a run compared with itself: no difference
        assertThat(MainTest.run("eval", "--dataset", MINI.toString(), "--compare", bm25, bm25).out())
                .contains("diff=+0.0000 SE=0.0000 better=0 worse=0 queries=3");
    }

    @Test
    void a_missing_or_malformed_run_file_is_named_and_nothing_is_printed() throws Exception {
        Path good = dir.resolve("good.txt");
        assertThat(MainTest.run("eval", "--dataset", MINI.toString(), "--method", "bm25", "--run-file", good.toString())
                .exitCode()).isZero();
        Path missing = dir.resolve("missing.txt");
        MainTest.Run noFile = MainTest.run("eval", "--dataset", MINI.toString(), "--compare", good.toString(), missing.toString());
        assertThat(noFile.exitCode()).isNotZero();
        assertThat(noFile.out()).isEmpty();
        assertThat(noFile.err()).contains("no run file " + missing);

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "q1 Q0 d1 1 0.5 tag\nq1 Q0 d2 2 not-a-score tag\n");
        for (String[] args : List.of(new String[] {"--compare", good.toString(), bad.toString()},
                new String[] {"--fuse", good + "=1", "--fuse", bad + "=1"})) {
            List<String> all = new java.util.ArrayList<>(List.of("eval", "--dataset", MINI.toString()));
            all.addAll(List.of(args));
            MainTest.Run r = MainTest.run(all.toArray(String[]::new));
            assertThat(r.exitCode()).as(args[0]).isNotZero();
            assertThat(r.out()).as(args[0]).isEmpty();
            assertThat(r.err()).as(args[0]).contains(bad + " line 2: not a TREC run line");
        }
    }

    @Test
    void a_missing_dataset_directory_says_what_it_must_contain() {
        Path missing = dir.resolve("nonexistent");
        MainTest.Run r = MainTest.run("eval", "--dataset", missing.toString(), "--method", "bm25");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no dataset directory " + missing,
                "a BEIR dataset directory holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv");

        MainTest.Run compare = MainTest.run("eval", "--dataset", missing.toString(), "--compare", "a.txt", "b.txt");
        assertThat(compare.exitCode()).isNotZero();
        assertThat(compare.err()).contains("no dataset directory " + missing);
    }

    @Test
    void a_directory_without_a_corpus_is_named_with_the_missing_file() throws Exception {
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"x\"}\n");
        MainTest.Run r = MainTest.run("eval", "--dataset", dir.toString(), "--method", "bm25");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains(dir + " has no corpus.jsonl", "a BEIR dataset directory holds");
    }

    @Test
    void a_missing_split_names_the_file_and_the_splits_there() {
        MainTest.Run r = MainTest.run("eval", "--dataset", MINI.toString(), "--split", "dev", "--method", "bm25");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no split 'dev' in " + MINI, MINI.resolve("qrels").resolve("dev.tsv") + " is missing",
                "(splits there: test)");

        MainTest.Run fuse = MainTest.run("eval", "--dataset", MINI.toString(), "--split", "dev", "--fuse", "a.txt=1");
        assertThat(fuse.exitCode()).isNotZero();
        assertThat(fuse.err()).contains("no split 'dev'");
    }

    @Test
    void an_unknown_method_is_named_with_the_known_ones() {
        MainTest.Run r = MainTest.run("eval", "--dataset", MINI.toString(), "--method", "bm25,bm99");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unknown method 'bm99'", "bm25+rm3", "hybrid+prf");
    }
}
