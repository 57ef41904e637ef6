package org.dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in with a real SMTP server (GreenMail): the link arrives by mail, through Angus Mail, and works once. */
class SignInBySmtpTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void the_link_arrives_over_smtp_and_signs_in() throws Exception {
        Map<String, String> env = Map.of("DAILYPAPERS_SMTP_HOST", "127.0.0.1",
                "DAILYPAPERS_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()), "DAILYPAPERS_SMTP_TLS", "none",
                "DAILYPAPERS_BASE_URL", "http://papers.example.org");
        try (TestInstance instance = TestInstance.withEnv(dir, env).start()) {
            Visitor ada = new Visitor(instance::url);
            HttpResponse<String> sent = ada.requestLink("ada@example.org");
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.body()).contains("We sent a sign-in link").doesNotContain("/dev/mailbox"); // mail went out by SMTP
            assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
            MimeMessage mail = greenMail.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
            assertThat(mail.getSubject()).isEqualTo("Your Daily Papers sign-in link");
            String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
            Matcher link = Pattern.compile("http://papers\\.example\\.org(/signin/verify\\?token=[A-Za-z0-9_-]+)").matcher(body);
            assertThat(link.find()).as(body).isTrue();
            assertThat(body).contains("within 15 minutes");

            assertThat(ada.useLink(instance.url(link.group(1))).statusCode()).isEqualTo(303);
            assertThat(ada.get("/account/state").body()).contains("\"signedIn\":true");
            assertThat(new Visitor(instance::url).useLink(instance.url(link.group(1))).statusCode()).isEqualTo(400);
        }
    }
}
