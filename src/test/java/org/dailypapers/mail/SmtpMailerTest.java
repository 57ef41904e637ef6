package org.dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final EmailAddress ADA = EmailAddress.parse("ada@example.org");

    private static MailConfig.Smtp plain(int port) {
        return new MailConfig.Smtp("127.0.0.1", port, MailConfig.Tls.NONE, Optional.empty(), Optional.empty(), Duration.ofSeconds(5));
    }

    @Test
    void sends_text_and_html_as_multipart_alternative_with_extra_headers() throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(plain(greenMail.getSmtp().getPort()), "Daily Papers <papers@example.org>")) {
            mailer.send(new MailMessage(ADA, "Today’s papers: Ünïcode", "Hello https://example.org/x",
                    Optional.of("<p>Hello <a href=\"https://example.org/x\">x</a></p>"),
                    Map.of("List-Unsubscribe", "<https://example.org/u?t=abc>", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        }
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Today’s papers: Ünïcode");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Daily Papers <papers@example.org>");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
        assertThat(received.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://example.org/u?t=abc>");
        assertThat(received.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) parts.getBodyPart(0).getContent()).isEqualTo("Hello https://example.org/x");
    }

    @Test
    void keeps_one_connection_for_many_messages_and_reconnects_after_the_server_went_away() throws Exception {
        int port = freePort();
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail first = new GreenMail(setup);
        first.start();
        try (SmtpMailer mailer = new SmtpMailer(plain(port), MailConfig.DEFAULT_FROM)) {
            for (int i = 0; i < 25; i++) {
                mailer.send(MailMessage.text(EmailAddress.parse("reader" + i + "@example.org"), "n" + i, "body " + i));
            }
            assertThat(first.getReceivedMessages()).hasSize(25);
            first.stop(); // our open connection is gone with it
            assertThatThrownBy(() -> mailer.send(MailMessage.text(ADA, "while down", "lost")))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.permanent()).isFalse());
            GreenMail second = new GreenMail(setup);
            second.start();
            try {
                mailer.send(MailMessage.text(ADA, "after restart", "still works"));
                assertThat(second.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("after restart");
            } finally {
                second.stop();
            }
        } finally {
            first.stop();
        }
    }

    private static int freePort() {
        try (var probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_refused_connection_is_transient() {
        int closedPort = freePort();
        try (SmtpMailer mailer = new SmtpMailer(plain(closedPort), MailConfig.DEFAULT_FROM)) {
            assertThatThrownBy(() -> mailer.send(MailMessage.text(ADA, "s", "t")))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.permanent()).isFalse());
        }
    }

    @Test
    void a_5xx_rejection_is_permanent_and_a_4xx_one_transient() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 no such user");
                SmtpMailer mailer = new SmtpMailer(plain(server.port()), MailConfig.DEFAULT_FROM)) {
            assertThatThrownBy(() -> mailer.send(MailMessage.text(ADA, "s", "t")))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.permanent()).isTrue())
                    .hasMessageContaining("ada@example.org").hasMessageContaining("550");
        }
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.3.0 try again later");
                SmtpMailer mailer = new SmtpMailer(plain(server.port()), MailConfig.DEFAULT_FROM)) {
            assertThatThrownBy(() -> mailer.send(MailMessage.text(ADA, "s", "t")))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.permanent()).isFalse())
                    .hasMessageContaining("451");
        }
    }

    @Test
    void tls_keeps_certificate_checks_a_self_signed_server_is_refused() {
        GreenMail smtps = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
        smtps.start();
        try (SmtpMailer mailer = new SmtpMailer(new MailConfig.Smtp("127.0.0.1", smtps.getSmtps().getPort(), MailConfig.Tls.TLS,
                Optional.empty(), Optional.empty(), Duration.ofSeconds(5)), MailConfig.DEFAULT_FROM)) {
            assertThatThrownBy(() -> mailer.send(MailMessage.text(ADA, "s", "t")))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.permanent()).isFalse())
                    .rootCause().hasMessageContaining("certification path");
            assertThat(smtps.getReceivedMessages()).isEmpty();
        } finally {
            smtps.stop();
        }
    }

    @Test
    void starttls_is_required_a_server_without_it_gets_nothing_in_clear() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 ok");
                SmtpMailer mailer = new SmtpMailer(new MailConfig.Smtp("127.0.0.1", server.port(), MailConfig.Tls.STARTTLS,
                        Optional.of("ada"), Optional.of("secret"), Duration.ofSeconds(5)), MailConfig.DEFAULT_FROM)) {
            assertThatThrownBy(() -> mailer.send(MailMessage.text(ADA, "s", "t")))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.permanent()).isFalse())
                    .hasMessageContaining("STARTTLS");
        }
    }
}
