package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} says at start about where mail goes. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void without_smtp_the_console_names_the_outbox_directory_and_the_mailbox_url() {
        try (TestInstance instance = TestInstance.withFixtures(dir.resolve("outbox-data"))) {
            assertThat(ServeCommand.mailLine(instance.app(), 4321))
                    .contains(dir.resolve("outbox-data").resolve("outbox").toString(), "http://localhost:4321/dev/mailbox");
        }
    }

    @Test
    void with_smtp_the_console_names_the_mail_server() {
        try (TestInstance instance = TestInstance.withEnv(dir.resolve("smtp-data"), Map.of("DAILYPAPERS_SMTP_HOST", "mail.example.org",
                "DAILYPAPERS_SMTP_PORT", "2525", "DAILYPAPERS_BASE_URL", "https://papers.example.org"))) {
            assertThat(ServeCommand.mailLine(instance.app(), 4321)).contains("SMTP server mail.example.org:2525").doesNotContain("mailbox");
        }
    }
}
