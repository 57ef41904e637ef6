package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest send} for cron: sends once, reports, and says so in its exit code. Mail goes to the outbox here. */
class DigestCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void digest_send_delivers_once_reports_a_summary_and_a_second_run_skips_everyone() throws Exception {
        String data = dataDir.toString();
        MainTest.Run first;
        MainTest.Run second;
        MainTest.Run empty;
        String server;
        // A running server owns the search index: the command searches it read-only (for the topic section).
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf").start()) {
            server = instance.url("");
            ServerAddressFile.write(dataDir, URI.create(server)); // as serve does once it listens
            for (String email : List.of("ada@example.org", "bob@example.org")) {
                instance.app().digests().subscribe(email, "daily", email.startsWith("ada") ? "language model" : "", "127.0.0.1", URI.create("http://localhost:8080"));
                String text = instance.app().outbox().newest(1).getFirst().text();
                Matcher token = Pattern.compile("token=([A-Za-z0-9_.-]+)").matcher(text);
                assertThat(token.find()).isTrue();
                instance.app().digests().confirm(token.group(1));
            }
            first = MainTest.run("digest", "send", "--data", data, "--period", "daily", "--date", "2026-08-21");
            second = MainTest.run("digest", "send", "--data", data, "--period", "daily", "--date", "2026-08-21");
            empty = MainTest.run("digest", "send", "--data", data, "--period", "daily", "--date", "2026-08-22");
        }

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Digest 2026-08-21: sent 2, skipped already-sent 0, failed 0, bounced 0 of 2 subscribers");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("sent 0, skipped already-sent 2");
        assertThat(empty.out()).contains("2026-08-22: no papers in this period, nothing sent");
        List<Outbox.Message> mail = new Outbox(dataDir.resolve("outbox")).newest(10);
        assertThat(mail).hasSize(4); // two confirmations, two digests
        assertThat(mail.stream().filter(m -> m.subject().startsWith("Daily Papers daily:")).map(Outbox.Message::to))
                .containsExactlyInAnyOrder("ada@example.org", "bob@example.org");
        String digest = mail.stream().filter(m -> m.to().equals("ada@example.org") && m.subject().startsWith("Daily Papers daily:"))
                .findFirst().orElseThrow().text();
        assertThat(digest).contains("== language model ==");
        // Links go to the port the server listens on, not to 8080.
        assertThat(digest).contains(server + "/papers/2608.", server + "/digest/manage?token=").doesNotContain(":8080");
    }

    @Test
    void digest_send_without_a_base_url_or_a_running_server_refuses_and_sends_nothing() throws Exception {
        String data = dataDir.toString();
        try (TestInstance instance = TestInstance.withFixtures(dataDir, "hf").start()) {
            instance.app().digests().subscribe("ada@example.org", "daily", "", "127.0.0.1", URI.create("http://localhost:8080"));
            Matcher token = Pattern.compile("token=([A-Za-z0-9_.-]+)").matcher(instance.app().outbox().newest(1).getFirst().text());
            assertThat(token.find()).isTrue();
            instance.app().digests().confirm(token.group(1));
        }
        MainTest.Run none = MainTest.run("digest", "send", "--data", data, "--period", "daily", "--date", "2026-08-21");
        // A server that died without removing its file: its process is gone, so the file is not believed.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        java.nio.file.Files.writeString(dataDir.resolve(ServerAddressFile.NAME), "http://localhost:9999\n" + gone.pid() + "\n");
        MainTest.Run stale = MainTest.run("digest", "send", "--data", data, "--period", "daily", "--date", "2026-08-21");

        for (MainTest.Run run : List.of(none, stale)) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("nothing sent", "DAILYPAPERS_BASE_URL", "while serve runs on the same data directory");
        }
        assertThat(new Outbox(dataDir.resolve("outbox")).newest(10)).hasSize(1); // the confirmation only
    }

    @Test
    void digest_send_refuses_an_unknown_period_or_date_clearly() {
        MainTest.Run period = MainTest.run("digest", "send", "--data", dataDir.toString(), "--period", "hourly");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.err()).contains("--period: period must be daily or weekly, not 'hourly'");
        MainTest.Run date = MainTest.run("digest", "send", "--data", dataDir.toString(), "--period", "daily", "--date", "21/08/2026");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.err()).contains("--date must be a day YYYY-MM-DD");
        assertThat(MainTest.run("digest", "send", "--help").out()).contains("--resend-uncertain", "--period", "Exit code");
    }
}
