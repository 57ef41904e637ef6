package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One record larger than {@link RecordCap#MAX_BYTES} is rejected with its file and line (or array index), and the
 * rest of its file and of the directory still imports, in bounded memory.
 */
class RecordCapTest {
    @TempDir
    Path dir;

    TestInstance instance;

    @BeforeEach
    void open() {
        instance = TestInstance.withFixtures(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        instance.close();
    }

    static String listing(String id, String abstractText) {
        return "{\"id\": \"" + id + "\", \"title\": \"Paper " + id + "\", \"authors\": [\"Ada Lovelace\"], "
                + "\"categories\": [\"cs.CL\"], \"abstract\": \"" + abstractText + "\", \"listed\": \"2025-03-18\"}";
    }

    /** A gzipped JSON Lines file: a good line, one line of {@code hugeBytes} bytes, another good line. */
    static void writeListingsWithAHugeLine(Path file, long hugeBytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED); // 300 MB are written in about a second
            }
        }) {
            out.write((listing("2503.00001", "before") + "\n").getBytes(StandardCharsets.UTF_8));
            String head = "{\"id\": \"2503.00002\", \"title\": \"huge\", \"abstract\": \"";
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long left = hugeBytes - head.length() - 2; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write((listing("2503.00003", "after") + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_line_over_the_cap_is_rejected_with_file_and_line_and_the_file_and_directory_go_on() throws IOException {
        Path files = Files.createDirectories(dir.resolve("files"));
        writeListingsWithAHugeLine(files.resolve("a-listings.jsonl.gz"), RecordCap.MAX_BYTES + 1);
        String huge = "x".repeat(RecordCap.MAX_BYTES);
        Files.writeString(files.resolve("b-day.json"), "[" + hfItem("2503.00004", "ok") + ",\n" + hfItem("2503.00005", huge)
                + ",\n" + hfItem("2503.00006", "also ok") + "]");
        Files.writeString(files.resolve("c-listings.jsonl"), listing("2503.00007", "last file") + "\n");

        ImportSummary summary = instance.app().importer().importPaths(List.of(files), ImportProgress.NONE);

        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.rejections()).extracting(Rejection::toString)
                .anySatisfy(r -> assertThat(r).endsWith("a-listings.jsonl.gz:2: the record is 1,048,577 bytes, larger than "
                        + "the limit of 1,048,576 bytes (1 MiB): skipped"))
                .anySatisfy(r -> assertThat(r).contains("b-day.json[1]: the record is ").contains("larger than the limit"));
        assertThat(summary.created()).isEqualTo(5);
        assertThat(instance.app().papers().count()).isEqualTo(5);
    }

    @Test
    void a_line_at_the_cap_is_read() throws IOException {
        Path file = dir.resolve("exact.jsonl");
        // the bulk in a field the mapper ignores (an abstract has its own, smaller limit)
        String small = listing("2503.00009", "fits");
        String padding = ", \"padding\": \"\"}";
        String line = small.substring(0, small.length() - 1) + padding.substring(0, padding.length() - 2)
                + "b".repeat(RecordCap.MAX_BYTES - small.length() - padding.length() + 1) + "\"}";
        assertThat(line.length()).isEqualTo(RecordCap.MAX_BYTES);
        Files.writeString(file, line + "\r\n");

        ImportSummary summary = instance.app().importer().importPaths(List.of(file), ImportProgress.NONE);

        assertThat(summary.rejected()).isZero();
        assertThat(summary.created()).isEqualTo(1);
    }

    /**
     * The failure as reported: a 680 KB gzip holding one 700 MB line ended in OutOfMemoryError and stopped a directory
     * import. Here a 300 MB line (more than the whole heap) under {@code -Xmx256m} in a child JVM.
     */
    @Test
    void a_huge_line_costs_no_memory_under_a_256_mb_heap() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        writeListingsWithAHugeLine(files.resolve("a-huge.jsonl.gz"), 300L << 20);
        Files.writeString(files.resolve("b-after.jsonl"), listing("2503.00008", "the file after") + "\n");
        assertThat(Files.size(files.resolve("a-huge.jsonl.gz"))).isLessThan(2 << 20);

        Process child = ChildJvm.start(dir, List.of("-Xmx256m", "--add-modules", "jdk.incubator.vector"), java.util.Map.of(),
                "import", "--data", dir.resolve("child-data").toString(), files.toString());

        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("import finished").isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(err).doesNotContain("OutOfMemoryError")
                .contains("a-huge.jsonl.gz:2: the record is 314,572,800 bytes, larger than the limit");
        assertThat(out).contains("read 4, new 3, updated 0, unchanged 0, rejected 1");
        assertThat(child.exitValue()).isEqualTo(1);
    }

    static String hfItem(String id, String summary) {
        return "{\"paper\": {\"id\": \"" + id + "\", \"title\": \"Paper " + id + "\", \"summary\": \"" + summary + "\", "
                + "\"authors\": [{\"name\": \"Ada Lovelace\"}], \"publishedAt\": \"2025-03-14T00:00:00.000Z\", \"upvotes\": 3}, "
                + "\"publishedAt\": \"2025-03-15T10:00:00.000Z\", \"title\": \"Paper " + id + "\", \"numComments\": 0}";
    }
}
