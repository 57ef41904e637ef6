package org.dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.VectorStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalRunnerTest {

    private static final Path MINI = Path.of("src/test/resources/eval/mini-beir");

    @Test
    void loads_a_beir_collection() throws Exception {
        BeirDataset ds = BeirDataset.load(MINI);
        assertThat(ds.corpus()).hasSize(6);
        assertThat(ds.queries()).hasSize(4);
        assertThat(ds.qrels("test").judgements().keySet()).containsExactly("q1", "q2", "q3");
        assertThat(ds.qrels("test").grade("q1", "d1")).isEqualTo(2);
    }

    @Test
    void bm25_run_scores_and_writes_a_trec_file(@TempDir Path dir) throws Exception {
        try (EvalRunner runner = new EvalRunner(BeirDataset.load(MINI), null, VectorStorage.FLOAT32, 100)) {
            EvalRunner.Evaluation e = runner.evaluate(SearchPipeline.named("bm25", null), "test");
            assertThat(e.run().ranking("q1")).startsWith("d1");
            assertThat(e.result().summary()).isEqualTo(GOLDEN_SUMMARY);
            Path file = dir.resolve("run.txt");
            new TrecRunWriter().write(e.run(), file);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).matches("q1 Q0 d1 1 [0-9.]+ bm25\\(k1=0.9,b=0.4,title=0,authors=0.5\\)\\+titleMatch\\(share=0.7,w=1,all=1000,window=100\\)");
        }
    }

    @Test
    void a_query_that_is_also_in_the_corpus_is_not_found_as_its_own_answer(@TempDir Path dir) throws Exception {
        // as in ArguAna: the argument q1 is a document too, and a counter-argument d1 is the relevant one
        Files.writeString(dir.resolve("corpus.jsonl"), """
                {"_id": "q1", "title": "", "text": "School uniforms stop bullying over clothes."}
                {"_id": "d1", "title": "", "text": "Uniforms do not stop bullying; children find other targets than clothes."}
                {"_id": "d2", "title": "", "text": "Homework should be banned in primary schools."}
                """);
        Files.writeString(dir.resolve("queries.jsonl"), """
                {"_id": "q1", "text": "School uniforms stop bullying over clothes."}
                """);
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        try (EvalRunner runner = new EvalRunner(BeirDataset.load(dir), null, VectorStorage.FLOAT32, 100)) {
            EvalRunner.Evaluation e = runner.evaluate(SearchPipeline.named("bm25", null), "test");
            assertThat(e.run().ranking("q1")).doesNotContain("q1").startsWith("d1");
            assertThat(e.result().ndcg10()).isEqualTo(1.0);
        }
    }

    static final String GOLDEN_SUMMARY = "method=bm25 nDCG@10=0.9834 Recall@100=1.0000 MRR@10=1.0000";
}
