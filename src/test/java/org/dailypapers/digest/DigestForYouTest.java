package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest's "For you" section over real SMTP (GreenMail), as the app wires it: a signed-in subscriber who
 * ticked "Add For you to my digest" on {@code /for-you} gets the day's papers ranked for them; one who did not
 * gets the digest without it.
 */
class DigestForYouTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** Yuxin Wang's paper of the digest's day: 32 upvotes, the 4th of the day by upvotes. */
    static final String YUXIN = "2608.19799";

    @TempDir
    Path dataDir;

    DigestWorld world;

    @BeforeEach
    void open() {
        world = new DigestWorld(dataDir, greenMail);
        world.instance.start();
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void an_opted_in_subscriber_gets_papers_ranked_for_them_and_one_who_did_not_gets_none() throws Exception {
        List<EmailAddress> readers = world.confirmedSubscribers(2, DigestPeriod.DAILY, Topics.NONE);
        Visitor ada = world.instance.signedIn(readers.get(0).value());
        Visitor bob = world.instance.signedIn(readers.get(1).value());
        // Both follow the same author; only Ada ticks the digest box of /for-you's settings form.
        for (Visitor v : List.of(ada, bob)) {
            assertThat(v.get("/for-you").body()).contains("name=\"digest\"");
            assertThat(v.post("/for-you/follow", fields("kind", "author", "value", "Yuxin Wang")).statusCode()).isEqualTo(303);
        }
        assertThat(ada.post("/for-you/settings", fields("blend", "20", "digest", "on")).statusCode()).isEqualTo(303);
        assertThat(bob.post("/for-you/settings", fields("blend", "20")).statusCode()).isEqualTo(303);
        assertThat(ada.get("/for-you").body()).containsPattern("name=\"digest\" checked");

        SendSummary sent = world.instance.app().digests().send(DigestPeriod.DAILY, DigestWorld.DAY, DigestWorld.OPTIONS,
                DigestSender.Progress.NONE);

        assertThat(sent.sent()).isEqualTo(2);
        String[] adas = parts(mailTo(readers.get(0)));
        String text = adas[0], html = adas[1];
        // kept for a look in a browser, as the browser tests keep their screenshots
        java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(Path.of("target", "screenshots"))
                .resolve("digest-for-you.html"), html);
        // The section links to the whole list and puts the followed author's paper first, saying why.
        assertThat(text).containsPattern("FOR YOU\\R+https://papers\\.example\\.org/for-you\\?period=day\\R+1\\. SWE-bench Science")
                .contains("Why: from an author you follow: Yuxin Wang");
        assertThat(html).contains(">For you <a href=\"https://papers.example.org/for-you?period=day\"")
                .contains("Why: from an author you follow: Yuxin Wang");
        String section = html.substring(html.indexOf(">For you <"));
        assertThat(section).contains("1. <a href=\"https://papers.example.org/papers/" + YUXIN + "\"");
        // at most DigestPicks.SHOWN papers
        assertThat(section.split("Why: ", -1)).hasSizeLessThanOrEqualTo(6);
        // The crowd's list above it is unchanged: the day's top paper first.
        assertThat(text.indexOf("/papers/2608.19880")).isLessThan(text.indexOf("FOR YOU"));

        String[] bobs = parts(mailTo(readers.get(1)));
        assertThat(bobs[0]).doesNotContain("FOR YOU").doesNotContain("Why:").contains("/papers/2608.19880");
        assertThat(bobs[1]).doesNotContain(">For you <").doesNotContain("/for-you");
    }

    @Test
    void a_subscriber_who_told_us_nothing_yet_gets_everyones_picks_and_an_invitation() throws Exception {
        EmailAddress carol = world.confirmedSubscribers(1, DigestPeriod.DAILY, Topics.NONE).getFirst();
        Visitor v = world.instance.signedIn(carol.value());
        v.get("/for-you");
        assertThat(v.post("/for-you/settings", fields("blend", "20", "digest", "on")).statusCode()).isEqualTo(303);

        world.instance.app().digests().send(DigestPeriod.DAILY, DigestWorld.DAY, DigestWorld.OPTIONS, DigestSender.Progress.NONE);

        String[] parts = parts(mailTo(carol));
        assertThat(parts[0]).contains("FOR YOU").contains("You have not told us what you like yet");
        assertThat(parts[1]).contains("Tell us what you like</a>");
    }

    @Test
    void the_topics_of_a_persons_digest_subscription_count_as_followed_topics_on_for_you() throws Exception {
        EmailAddress dana = world.confirmedSubscribers(1, DigestPeriod.DAILY, new Topics(List.of("coding agents benchmark")))
                .getFirst();
        Visitor withTopics = world.instance.signedIn(dana.value());
        Visitor without = world.instance.signedIn("no-digest@example.org");
        // Someone who told us nothing is asked for topics; the subscriber's digest topic already counts.
        String page = withTopics.get("/for-you?period=day").body();
        assertThat(without.get("/for-you?period=day").body()).contains("id=\"start-h\"");
        assertThat(page).doesNotContain("id=\"start-h\"").contains("close to what you like");
        // the day's paper on coding agents' benchmarks comes first
        assertThat(page.indexOf("SWE-bench Science")).isPositive().isLessThan(page.indexOf("/papers/2608.19880"));
    }

    private static MimeMessage mailTo(EmailAddress address) throws Exception {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).reduce((a, b) -> b).orElseThrow();
    }

    /** The text and HTML parts. */
    private static String[] parts(MimeMessage m) throws Exception {
        MimeMultipart mp = (MimeMultipart) m.getContent();
        return new String[] {(String) mp.getBodyPart(0).getContent(), (String) mp.getBodyPart(1).getContent()};
    }
}
