package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.eval.VectorFill;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.VectorFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that measure search on an imported catalogue (issue 16): fill vectors, then time queries. */
class BenchAtScaleCommandsTest {

    static final Path DEMO_VECTORS = Path.of("src/main/resources/demo/vectors-bge-small-en-v1.5-q.dpvf");

    @TempDir
    Path dataDir;

    @Test
    void fills_every_missing_vector_then_times_queries_on_the_imported_index() throws Exception {
        String data = dataDir.toString();
        assertThat(MainTest.run("import", "--data", data, TestInstance.fixture("hf").toString()).exitCode()).isZero();
        Path index = dataDir.resolve("index");
        int papers;
        try (PaperIndex before = PaperIndex.openReadOnly(index)) {
            papers = before.count();
            assertThat(before.countWithoutVector()).isEqualTo(papers).isPositive();
        }

        MainTest.Run fill = MainTest.run("bench", "fill-vectors", "--index", index.toString(),
                "--vectors-file", DEMO_VECTORS.toString());
        assertThat(fill.exitCode()).as(fill.err()).isZero();
        assertThat(fill.out()).contains("fill-vectors papers=" + papers + " ");

        Map<String, float[]> real = VectorFile.read(DEMO_VECTORS).vectors();
        try (PaperIndex after = PaperIndex.openReadOnly(index)) {
            assertThat(after.count()).isEqualTo(papers);
            assertThat(after.countWithoutVector()).isZero();
            // a paper the file has keeps its real vector; the text is untouched
            String known = real.keySet().stream().filter(id -> after.document(id).isPresent()).findFirst().orElseThrow();
            assertThat(after.vector(known)).hasValueSatisfying(v -> assertThat(v).containsExactly(real.get(known),
                    org.assertj.core.data.Offset.offset(1e-6f)));
        }
        // a second run has nothing left to do
        assertThat(MainTest.run("bench", "fill-vectors", "--index", index.toString(), "--vectors-file",
                DEMO_VECTORS.toString()).out()).contains("fill-vectors papers=0 ");

        MainTest.Run bench = MainTest.run("bench", "search", "--index", index.toString(), "--method", "bm25,hybrid",
                "--queries", "20", "--warmup", "5", "--threads", "2");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("papers=" + papers + " withVector=" + papers)
                .containsPattern("method=bm25 p50ms=[0-9.]+ p99ms=[0-9.]+")
                .containsPattern("method=hybrid p50ms=[0-9.]+ p99ms=[0-9.]+")
                .contains("heap-used-after-gc MB=");
    }

    @Test
    void a_missing_index_or_vectors_file_is_named_and_nothing_is_created() throws Exception {
        Path missing = dataDir.resolve("no-such-data").resolve("index");
        for (String command : new String[] {"fill-vectors", "search"}) {
            MainTest.Run r = MainTest.run("bench", command, "--index", missing.toString());
            assertThat(r.exitCode()).as(command).isEqualTo(2);
            assertThat(r.err()).contains("no search index in " + missing);
        }
        assertThat(missing.getParent()).doesNotExist();

        assertThat(MainTest.run("import", "--data", dataDir.toString(), TestInstance.fixture("hf/2026-08-21.json").toString())
                .exitCode()).isZero();
        Path index = dataDir.resolve("index");
        MainTest.Run noFile = MainTest.run("bench", "fill-vectors", "--index", index.toString(),
                "--vectors-file", dataDir.resolve("nothing.dpvf").toString());
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("no vectors file " + dataDir.resolve("nothing.dpvf"));
        Path garbage = java.nio.file.Files.writeString(dataDir.resolve("garbage.dpvf"), "not a vectors file");
        MainTest.Run bad = MainTest.run("bench", "fill-vectors", "--index", index.toString(), "--vectors-file", garbage.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains(garbage.toString());
        try (PaperIndex after = PaperIndex.openReadOnly(index)) {
            assertThat(after.countWithoutVector()).as("untouched").isEqualTo(after.count()).isPositive();
        }
    }

    @Test
    void a_jittered_copy_is_deterministic_unit_length_and_near_its_original() throws Exception {
        VectorFile file = VectorFile.read(DEMO_VECTORS);
        VectorFill fill = new VectorFill(file, 0.6, 16);
        String realId = file.vectors().keySet().iterator().next();
        assertThat(fill.vectorFor(realId)).isSameAs(file.vectors().get(realId));

        float[] a = fill.vectorFor("1501.00001");
        assertThat(fill.vectorFor("1501.00001")).containsExactly(a);
        assertThat(new VectorFill(file, 0.6, 17).vectorFor("1501.00001")).isNotEqualTo(a);
        assertThat(dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        // its nearest real vector is its original, at cosine about 1 / sqrt(1 + 0.6^2) = 0.86
        double best = file.vectors().values().stream().mapToDouble(v -> dot(a, v)).max().orElseThrow();
        assertThat(best).isBetween(0.80, 0.91);
        assertThat(fill.vectorFor("1501.00002")).isNotEqualTo(a);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
