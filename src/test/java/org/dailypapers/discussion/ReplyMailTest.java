package org.dailypapers.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

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

/** Mail about replies, over real SMTP (GreenMail): opt-in, to the thread's people only, once, with a one-click off link. */
class ReplyMailTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void those_who_asked_get_one_mail_per_reply_and_can_turn_it_off_with_one_click() throws Exception {
        Map<String, String> env = Map.of("DAILYPAPERS_SMTP_HOST", "127.0.0.1",
                "DAILYPAPERS_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()), "DAILYPAPERS_SMTP_TLS", "none",
                "DAILYPAPERS_BASE_URL", "http://papers.example.org"); // http: the test client drops Secure cookies
        try (TestInstance instance = TestInstance.withEnv(dir, env, "hf/2026-08-21.json").start()) {
            String paper = DiscussionScenarios.PAPER;
            Visitor ada = instance.signedIn("ada@example.org");
            Visitor bob = instance.signedIn("bob@example.org");
            Visitor carol = instance.signedIn("carol@example.org");
            assertThat(ada.get("/account/reply-mail").body()).contains("name=\"replyMail\"").doesNotContain("checked");
            HttpResponse<String> on = ada.htmx("/account/reply-mail", fields("replyMail", "on"));
            assertThat(on.body()).contains("checked").contains("Saved");
            assertThat(ada.get("/account").body()).contains("hx-get=\"/account/reply-mail\"");

            String top = DiscussionScenarios.idOf(ada.htmx("/papers/" + paper + "/comments", fields("body", "Question?")).body(), "Question?");
            carol.htmx("/papers/" + paper + "/comments", fields("body", "Carol chimes in", "parent", top)); // carol has mail off
            assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
            bob.htmx("/papers/" + paper + "/comments", fields("body", "An <answer> with $x$", "parent", top));
            assertThat(greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
            Thread.sleep(500); // nothing else may arrive
            MimeMessage[] mails = greenMail.getReceivedMessages();
            assertThat(mails).hasSize(2);
            for (MimeMessage m : mails) {
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
            }
            String body = GreenMailUtil.getBody(mails[1]).replace("=\r\n", "").replace("=3D", "=");
            assertThat(mails[1].getSubject()).startsWith("bo-").contains("replied on");
            assertThat(body).contains("An <answer> with $x$").contains("http://papers.example.org/papers/" + paper + "#comment-" + top);
            assertThat(mails[1].getHeader("List-Unsubscribe")[0]).startsWith("<http://papers.example.org/discussion/mail-off?token=");

            Matcher off = Pattern.compile("/discussion/mail-off\\?token=([A-Za-z0-9_-]+)").matcher(body);
            assertThat(off.find()).isTrue();
            Visitor fromMail = new Visitor(instance::url);
            HttpResponse<String> page = fromMail.get("/discussion/mail-off?token=" + off.group(1));
            assertThat(page.body()).contains("Stop mail about replies");
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).isTrue();
            fromMail.csrf(csrf.group(1)); // the page's double-submit token, as the browser would send it
            HttpResponse<String> done = fromMail.post("/discussion/mail-off", fields("token", off.group(1)));
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("you will get no more mail about replies");
            assertThat(fromMail.post("/discussion/mail-off", fields("token", "forged")).statusCode()).isEqualTo(400);
            assertThat(ada.get("/account/reply-mail").body()).doesNotContain("checked");

            bob.htmx("/papers/" + paper + "/comments", fields("body", "Another answer", "parent", top));
            Thread.sleep(1_000);
            assertThat(greenMail.getReceivedMessages()).hasSize(2);
        }
    }
}
