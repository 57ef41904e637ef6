package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    @TempDir
    Path dataDir;

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void every_command_has_help() {
        assertThat(run("--help").out()).contains("serve", "import", "export");
        assertThat(run("serve", "--help").out()).contains("--port", "--data", "demo dataset");
        assertThat(run("import", "--help").out()).contains("PATH", "Exit code");
    }

    @Test
    void import_exits_0_when_all_imported_and_1_when_some_were_rejected() {
        String data = dataDir.toString();
        assertThat(run("import", "--data", data, TestInstance.fixture("hf").toString()).exitCode()).isZero();
        assertThat(run("import", "--data", data, TestInstance.fixture("bad/2026-08-24.json").toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void a_second_process_on_the_same_data_directory_is_refused_with_a_clear_error() {
        try (TestInstance running = TestInstance.withFixtures(dataDir)) {
            Run result = run("import", "--data", dataDir.toString(), TestInstance.fixture("hf").toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("is in use by another process (a running serve?)");
            assertThat(running.app().papers().count()).isZero();
        }
    }

    @Test
    void a_bad_option_is_a_usage_error() {
        Run result = run("serve", "--port", "http");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for option '--port'");
    }
}
