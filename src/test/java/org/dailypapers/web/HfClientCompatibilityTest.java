package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test of API compatibility is a real client: Hugging Face's own Python library must parse our
 * responses. It runs from the virtual environment that ./run-tests prepares ({@code .cache/hf-venv}), or
 * from the Python named by {@code DAILYPAPERS_TEST_PYTHON}.
 */
class HfClientCompatibilityTest {
    @TempDir
    Path dataDir;

    static Path python() {
        String configured = System.getenv("DAILYPAPERS_TEST_PYTHON");
        return configured != null ? Path.of(configured) : Path.of(".cache/hf-venv/bin/python");
    }

    @Test
    void huggingface_hub_parses_our_responses() throws IOException, InterruptedException {
        Path python = python();
        assertThat(python).as("a Python with huggingface_hub is needed: run ./run-tests, which creates .cache/hf-venv").exists();
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf", "bad/2026-08-24.json", "hf-linked").start()) {
            Process process = new ProcessBuilder(python.toString(), "src/test/python/hf_client_check.py", instance.url(""))
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the client finished").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).as(output).contains("PASSED huggingface_hub compatibility");
            assertThat(process.exitValue()).isZero();
        }
    }

}
