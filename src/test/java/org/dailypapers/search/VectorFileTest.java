package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFileTest {

    @TempDir
    Path dir;

    private static Map<String, float[]> sample() {
        Random r = new Random(7);
        Map<String, float[]> m = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) m.put("2401." + (10000 + i), UnitVectors.random(r, 384));
        return m;
    }

    @Test
    void round_trips_each_encoding_within_its_precision() throws IOException {
        VectorFile original = new VectorFile("bge-small-en-v1.5-q", 384, sample());
        for (var enc : VectorEncoding.values()) {
            for (String name : new String[] {"v.vec", "v.vec.gz"}) {
                Path p = dir.resolve(enc + name);
                original.write(p, enc);
                VectorFile back = VectorFile.read(p);
                assertThat(back.modelId()).isEqualTo("bge-small-en-v1.5-q");
                assertThat(back.vectors().keySet()).containsExactlyElementsOf(original.vectors().keySet());
                double tolerance = switch (enc) { case FLOAT32 -> 0; case FLOAT16 -> 1e-3; case INT8 -> 5e-3; };
                original.vectors().forEach((k, v) -> {
                    float[] w = back.vectors().get(k);
                    for (int i = 0; i < v.length; i++) assertThat((double) w[i]).isCloseTo(v[i], within(tolerance));
                });
            }
        }
        assertThat(Files.size(dir.resolve("INT8v.vec"))).isLessThan(Files.size(dir.resolve("FLOAT16v.vec")));
    }

    @Test
    void appends_and_drops_a_truncated_last_record() throws IOException {
        Path p = dir.resolve("cache.vec");
        Map<String, float[]> m = sample();
        try (var out = VectorFile.append(p, "m", 384, VectorEncoding.FLOAT32)) {
            m.forEach((k, v) -> { try { out.add(k, v); } catch (IOException e) { throw new RuntimeException(e); } });
        }
        try (var out = VectorFile.append(p, "m", 384, VectorEncoding.FLOAT32)) {
            out.add("late", m.values().iterator().next());
        }
        assertThat(VectorFile.read(p).vectors()).hasSize(21).containsKey("late");
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThat(VectorFile.read(p).vectors()).hasSize(20).doesNotContainKey("late");
        // appending after the torn record cuts it off first: otherwise every later record would be misread
        float[] later = m.values().stream().skip(5).findFirst().orElseThrow();
        try (var out = VectorFile.append(p, "m", 384, VectorEncoding.FLOAT32)) {
            out.add("later", later);
        }
        VectorFile resumed = VectorFile.read(p);
        assertThat(resumed.vectors()).hasSize(21).doesNotContainKey("late");
        assertThat(resumed.vectors().get("later")).containsExactly(later);
        assertThatThrownBy(() -> VectorFile.append(p, "other-model", 384, VectorEncoding.FLOAT32))
                .isInstanceOf(IOException.class);
    }
}
