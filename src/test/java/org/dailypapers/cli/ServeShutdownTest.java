package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code serve} (SIGTERM, as a service manager or Ctrl+C does) while the search worker loads the
 * embedding model is clean: the process exits 0 (or 143), prints no JVM crash report and leaves no
 * {@code hs_err_pid*.log} in its working directory. Before, ONNX Runtime's own shutdown hook freed its native
 * environment under the loading model: SIGSEGV. A real {@code serve} process, stopped at several moments of
 * the model load.
 */
class ServeShutdownTest {
    /**
     * How long after the server is ready (the search worker starts the model load then) each round stops it. The
     * load takes about 1 s on an idle machine and several on a loaded one; on the code before this test, a
     * 4 s delay on a loaded 2-core machine crashed the JVM (SIGABRT in ONNX Runtime, exit 134, hs_err file) and
     * a 2 s one failed the load with ORT_FAIL.
     */
    static final List<Integer> DELAYS_MS = List.of(300, 1500, 3000, 5000);

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void stopping_serve_while_the_model_loads_exits_cleanly() throws Exception {
        for (int delay : DELAYS_MS) {
            Path work = Files.createDirectories(dir.resolve("round-" + delay));
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                    "-Djna.tmpdir=" + System.getProperty("jna.tmpdir", work.resolve("jna").toString()),
                    "-cp", System.getProperty("java.class.path"),
                    "org.dailypapers.cli.Main", "serve", "--data", work.resolve("data").toString(), "--port", "0")
                    .directory(work.toFile()).redirectErrorStream(true);
            command.environment().put("DAILYPAPERS_DEMO", "false"); // an empty index: the model load follows at once
            Process serve = command.start();
            serve.getOutputStream().close();
            StringBuffer output = new StringBuffer();
            CountDownLatch loading = new CountDownLatch(1);
            Thread reader = Thread.ofPlatform().daemon().start(() -> read(serve, output, loading));
            assertThat(loading.await(120, TimeUnit.SECONDS)).as("serve reached the model load; output:\n%s", output).isTrue();
            Thread.sleep(delay);
            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(120, TimeUnit.SECONDS)).as("serve stopped within 120 s; output:\n%s", output).isTrue();
            reader.join(5_000);
            assertThat(serve.exitValue()).as("exit status after %d ms; output:\n%s", delay, output).isIn(0, 143);
            assertThat(output.toString()).as("after %d ms", delay).doesNotContain("SIGSEGV").doesNotContain("fatal error").doesNotContain("Exception in thread");
            try (Stream<Path> files = Files.list(work)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("after %d ms", delay)
                        .noneMatch(name -> name.startsWith("hs_err"));
            }
        }
    }

    private static void read(Process serve, StringBuffer output, CountDownLatch loading) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.contains("start-up: database")) { // logged just after the search worker starts
                    loading.countDown();
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }
}
