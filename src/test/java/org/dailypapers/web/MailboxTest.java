package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.mail.MailMessage;
import org.dailypapers.mail.OutboxMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxTest {
    @TempDir
    Path dir;

    @Test
    void without_smtp_mail_lands_in_the_outbox_and_the_mailbox_shows_it_with_working_links() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dir).start()) {
            assertThat(instance.app().mailer()).isInstanceOf(OutboxMailer.class);
            instance.app().mailer().send(new MailMessage(EmailAddress.parse("ada@example.org"), "Sign in <script>alert(1)</script>",
                    "Follow https://papers.example.org/signin?token=abc&x=1 within 15 minutes.",
                    Optional.of("<p>Hello</p><script>alert(2)</script>"), Map.of()));

            try (var files = Files.list(dir.resolve("outbox"))) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement().asString().endsWith(".eml");
            }
            HttpResponse<String> list = instance.get("/dev/mailbox");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("ada@example.org").contains("Sign in &lt;script&gt;").doesNotContain("<script>alert(1)");
            String id = list.body().replaceAll("(?s).*href=\"/dev/mailbox/([^\"/]+)\".*", "$1");

            HttpResponse<String> message = instance.get("/dev/mailbox/" + id);
            assertThat(message.statusCode()).isEqualTo(200);
            assertThat(message.body()).contains("<a href=\"https://papers.example.org/signin?token=abc&amp;x=1\">");
            assertThat(message.body()).contains("<iframe").contains("sandbox=");

            HttpResponse<String> html = instance.get("/dev/mailbox/" + id + "/html");
            assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox").contains("default-src 'none'");
        }
    }

    @Test
    void unknown_or_malicious_ids_are_not_found() {
        try (TestInstance instance = TestInstance.withFixtures(dir).start()) {
            assertThat(instance.get("/dev/mailbox").body()).contains("No mail yet");
            assertThat(instance.get("/dev/mailbox/nope").statusCode()).isEqualTo(404);
            assertThat(instance.get("/dev/mailbox/..%2F..%2Fpapers.db").statusCode()).isEqualTo(404);
            assertThat(instance.get("/dev/mailbox/" + "x".repeat(500)).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void with_smtp_configured_there_is_no_mailbox() {
        try (TestInstance instance = TestInstance.withEnv(dir, Map.of("DAILYPAPERS_SMTP_HOST", "127.0.0.1", "DAILYPAPERS_SMTP_TLS", "none",
                "DAILYPAPERS_BASE_URL", "https://papers.example.org")).start()) {
            assertThat(instance.get("/dev/mailbox").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_mailbox_is_refused_to_requests_that_came_through_a_reverse_proxy() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dir).start()) {
            instance.app().mailer().send(MailMessage.text(EmailAddress.parse("ada@example.org"), "Your link", "secret link"));
            var http = java.net.http.HttpClient.newHttpClient();
            assertThat(instance.get("/dev/mailbox").statusCode()).isEqualTo(200);
            // A proxy on this machine connects from loopback: its forwarding headers give it away.
            for (String header : new String[] {"X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP",
                    "Forwarded", "Via", "CF-Connecting-IP", "True-Client-IP"}) {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(instance.url("/dev/mailbox")))
                        .header(header, header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7").GET().build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(header).isEqualTo(404);
                assertThat(response.body()).as(header).doesNotContain("Your link").contains("not through a proxy");
            }
        }
    }
}
