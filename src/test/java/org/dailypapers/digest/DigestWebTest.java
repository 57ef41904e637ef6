package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.App;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.FeedOrder;
import org.dailypapers.search.SearchRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Subscribing, confirming, receiving, managing and leaving, over real HTTP and real SMTP (GreenMail). */
class DigestWebTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    DigestWorld world;
    App app;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void open() {
        world = new DigestWorld(dataDir, greenMail);
        world.instance.start();
        app = world.instance.app();
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    HttpResponse<String> post(String pathOrUrl, Map<String, String> form, String... headers) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(pathOrUrl)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(local(pathOrUrl))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Links in mail point at the configured public address; the test follows them to the instance. */
    String local(String pathOrUrl) {
        String path = pathOrUrl.startsWith(DigestWorld.BASE.toString()) ? pathOrUrl.substring(DigestWorld.BASE.toString().length()) : pathOrUrl;
        return world.instance.url(path);
    }

    HttpResponse<String> subscribe(String email, String period, String topics) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("period", period);
        form.put("topics", topics);
        return post("/digest/subscribe", form, "Origin", world.instance.url(""));
    }

    static String link(String text, String path) {
        Matcher m = Pattern.compile(Pattern.quote(DigestWorld.BASE + path) + "\\?token=[A-Za-z0-9_.-]+").matcher(text);
        assertThat(m.find()).as("a link to " + path + " in:\n" + text).isTrue();
        return m.group();
    }

    static String token(String url) {
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    MimeMessage lastMailTo(String address) throws Exception {
        MimeMessage found = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                found = m;
            }
        }
        assertThat(found).as("mail to " + address).isNotNull();
        return found;
    }

    static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof MimeMultipart mp ? (String) mp.getBodyPart(0).getContent() : (String) content;
    }

    /** Subscribes through the form and follows the confirmation mail's link and button. */
    void subscribeAndConfirm(String email, String period, String topics) throws Exception {
        assertThat(subscribe(email, period, topics).statusCode()).isEqualTo(200);
        String confirm = link(text(lastMailTo(email)), "/digest/confirm");
        HttpResponse<String> page = get(confirm);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm my subscription");
        assertThat(app.digests().find(EmailAddress.parse(email)).orElseThrow().status()).isEqualTo(Subscription.Status.PENDING);
        HttpResponse<String> confirmed = post("/digest/confirm", Map.of("token", token(confirm)));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscription confirmed");
    }

    SendSummary send(DigestPeriod kind, java.time.LocalDate day) {
        return app.digests().send(kind, day, DigestWorld.OPTIONS, DigestSender.Progress.NONE);
    }

    @Test
    void every_page_has_the_subscribe_form_in_its_footer() throws Exception {
        String home = get("/").body();
        assertThat(home).contains("<footer", "action=\"/digest/subscribe\" method=\"post\"", "name=\"email\" type=\"email\"",
                "<label for=\"digest-footer-email\"");
        assertThat(get("/digest").body()).contains("action=\"/digest/subscribe\"");
    }

    @Test
    void subscribe_confirm_send_delivers_exactly_one_digest_with_the_top_papers_topics_and_unsubscribe_headers() throws Exception {
        subscribeAndConfirm("ada@example.org", "daily", "agents\nterminal tasks");
        subscribeAndConfirm("bob@example.org", "weekly", "");
        assertThat(subscribe("carol@example.org", "daily", "").statusCode()).isEqualTo(200); // never confirmed
        int before = greenMail.getReceivedMessages().length;

        SendSummary daily = send(DigestPeriod.DAILY, DigestWorld.DAY);

        assertThat(daily.sent()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(before + 1);
        MimeMessage digest = lastMailTo("ada@example.org");
        assertThat(digest.getSubject()).startsWith("Daily Papers daily:");
        assertThat(digest.getHeader("List-Unsubscribe")[0]).matches("<https://papers\\.example\\.org/digest/unsubscribe\\?token=[A-Za-z0-9_.-]+>");
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        MimeMultipart parts = (MimeMultipart) digest.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();

        // The top 5 of the day by upvotes, in that order, in both parts.
        FeedPeriod day = FeedPeriod.day(DigestWorld.DAY);
        List<String> top = app.feed().page(day, FeedOrder.UPVOTES, 0, 5).stream().map(fp -> fp.paper().id().value()).toList();
        assertThat(top).startsWith("2608.19880", "2608.18580");
        int last = -1;
        for (String id : top) {
            int at = text.indexOf("https://papers.example.org/papers/" + id);
            assertThat(at).as(id + " in order").isGreaterThan(last);
            last = at;
            assertThat(html).contains("href=\"https://papers.example.org/papers/" + id + "\"");
        }
        assertThat(text).contains("1. EnvHarness: Awakening Static Worlds for Agent Learning", "▲ 163 upvotes");
        assertThat(html).doesNotContain("<img", "<script");
        // A section per topic with matches, its papers found by the search engine among the day's papers.
        List<String> agentHits = app.search().search(new SearchRequest("agents", DigestWorld.DAY, DigestWorld.DAY, null, null, null, 3))
                .stream().map(s -> s.id()).toList();
        assertThat(agentHits).isNotEmpty();
        String topics = text.substring(text.indexOf("YOUR TOPICS"));
        assertThat(topics).contains("== agents ==");
        agentHits.forEach(id -> assertThat(topics).contains("https://papers.example.org/papers/" + id));
        assertThat(text).contains("Unsubscribe: https://papers.example.org/digest/unsubscribe?token=");
        assertThat(html).contains(">Unsubscribe</a>");

        SendSummary again = send(DigestPeriod.DAILY, DigestWorld.DAY);
        assertThat(again.sent()).isZero();
        assertThat(again.alreadySent()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(before + 1);

        SendSummary weekly = send(DigestPeriod.WEEKLY, DigestWorld.DAY);
        assertThat(weekly.sent()).isEqualTo(1);
        assertThat(lastMailTo("bob@example.org").getSubject()).startsWith("Daily Papers weekly:").contains("Week 34 of 2026");
    }

    @Test
    void one_click_unsubscribe_by_post_stops_the_digest_and_get_only_shows_a_button() throws Exception {
        subscribeAndConfirm("ada@example.org", "daily", "");
        send(DigestPeriod.DAILY, DigestWorld.DAY);
        String unsubscribe = lastMailTo("ada@example.org").getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");

        HttpResponse<String> page = get(unsubscribe);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<button type=\"submit\">Unsubscribe</button>");
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org")).orElseThrow().status()).isEqualTo(Subscription.Status.CONFIRMED);

        // What a mail provider sends (RFC 8058): a POST with this body, no cookies, no Origin.
        HttpResponse<String> oneClick = post(unsubscribe, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org")).orElseThrow().status())
                .isEqualTo(Subscription.Status.UNSUBSCRIBED);

        int before = greenMail.getReceivedMessages().length;
        SendSummary nextDay = send(DigestPeriod.DAILY, DigestWorld.DAY.minusDays(1));
        assertThat(nextDay.sent()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(before);
    }

    @Test
    void right_after_confirming_the_subscriber_can_manage_or_unsubscribe_from_the_page_and_the_confirmation_mail() throws Exception {
        assertThat(subscribe("ada@example.org", "daily", "agents").statusCode()).isEqualTo(200);
        String mail = text(lastMailTo("ada@example.org")).replace("\r\n", "\n");
        String footer = mail.substring(mail.indexOf("\n-- \n"));
        String mailedManage = link(footer, "/digest/manage");
        HttpResponse<String> early = get(mailedManage);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("not confirmed yet");

        HttpResponse<String> confirmed = post("/digest/confirm", Map.of("token", token(link(mail, "/digest/confirm"))));
        assertThat(confirmed.body()).contains("Subscription confirmed");
        Matcher onPage = Pattern.compile("href=\"(/digest/manage\\?token=[A-Za-z0-9_.-]+)\"").matcher(confirmed.body());
        assertThat(onPage.find()).as(confirmed.body()).isTrue();
        for (String manage : List.of(onPage.group(1), mailedManage)) {
            HttpResponse<String> page = get(manage);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("ada@example.org", ">agents</textarea>", ">Unsubscribe</button>");
        }
        Matcher leave = Pattern.compile("action=\"(/digest/unsubscribe\\?token=[A-Za-z0-9_.-]+)\"").matcher(get(onPage.group(1)).body());
        assertThat(leave.find()).isTrue();
        assertThat(post(leave.group(1), Map.of("List-Unsubscribe", "One-Click")).body()).contains("will receive no more digests");
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org")).orElseThrow().status()).isEqualTo(Subscription.Status.UNSUBSCRIBED);
    }

    @Test
    void the_digest_and_manage_pages_show_one_form_not_a_second_in_the_footer() throws Exception {
        assertThat(count(get("/").body(), "action=\"/digest/subscribe\"")).isEqualTo(1); // other pages keep the footer form
        String digest = get("/digest").body();
        assertThat(count(digest, "action=\"/digest/subscribe\"")).isEqualTo(1);
        assertThat(digest).doesNotContain("digest-footer");
        subscribeAndConfirm("ada@example.org", "daily", "");
        String manage = get(link(text(lastMailTo("ada@example.org")), "/digest/manage")).body();
        assertThat(count(manage, "<form class=\"digest-form\"")).isEqualTo(1);
        assertThat(manage).doesNotContain("action=\"/digest/subscribe\"", "digest-footer");
    }

    @Test
    void a_topic_section_lists_only_papers_that_match_every_word_of_the_topic() throws Exception {
        subscribeAndConfirm("ada@example.org", "daily", "dense retrieval\nLLM memory\nretrieval");
        assertThat(send(DigestPeriod.DAILY, DigestWorld.DAY).sent()).isEqualTo(1);
        String text = text(lastMailTo("ada@example.org")).replace("\r\n", "\n");
        String topics = text.substring(text.indexOf("YOUR TOPICS"), text.indexOf("\n-- \n"));
        String memTrap = "https://papers.example.org/papers/2608.20202"; // MemTrapBench: about LLM memory, mentions retrieval, not dense
        // No paper of the day speaks of dense retrieval: no section, rather than the nearest unrelated papers.
        assertThat(topics).doesNotContain("== dense retrieval ==");
        assertThat(section(topics, "LLM memory")).contains(memTrap);
        assertThat(section(topics, "retrieval")).contains(memTrap).doesNotContain("Awakening Static Worlds");
    }

    /** The text of one topic's section of a digest's plain-text part. */
    static String section(String topics, String topic) {
        int start = topics.indexOf("== " + topic + " ==");
        assertThat(start).as("section " + topic + " in:\n" + topics).isNotNegative();
        int end = topics.indexOf("\n== ", start + 1);
        return topics.substring(start, end < 0 ? topics.length() : end);
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void the_manage_link_changes_period_and_topics() throws Exception {
        subscribeAndConfirm("ada@example.org", "daily", "agents");
        send(DigestPeriod.DAILY, DigestWorld.DAY);
        String manage = link(text(lastMailTo("ada@example.org")), "/digest/manage");

        HttpResponse<String> page = get(manage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ada@example.org", ">agents</textarea>", "value=\"daily\" checked");

        HttpResponse<String> saved = post("/digest/manage", Map.of("token", token(manage), "period", "weekly", "topics", "retrieval\ndiffusion"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved.");
        Subscription s = app.digests().find(EmailAddress.parse("ada@example.org")).orElseThrow();
        assertThat(s.period()).isEqualTo(DigestPeriod.WEEKLY);
        assertThat(s.topics().queries()).containsExactly("retrieval", "diffusion");

        HttpResponse<String> bad = post("/digest/manage", Map.of("token", token(manage), "period", "hourly", "topics", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("period must be daily or weekly");
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org")).orElseThrow().period()).isEqualTo(DigestPeriod.WEEKLY);
    }

    @Test
    void adding_topics_past_the_limit_on_the_manage_page_shows_it_again_with_what_was_typed_and_the_same_token() throws Exception {
        subscribeAndConfirm("ada@example.org", "daily", "agents");
        send(DigestPeriod.DAILY, DigestWorld.DAY);
        String token = token(link(text(lastMailTo("ada@example.org")), "/digest/manage"));

        String six = "agents\nretrieval\ndiffusion\nrobotics\nspeech\nvision";
        HttpResponse<String> refused = post("/digest/manage", Map.of("token", token, "period", "weekly", "topics", six));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        String page = refused.body();
        assertThat(page).doesNotContain("That request is not valid").contains("<title>Not saved · Your digest")
                .contains("id=\"manage-error\"").contains("topics: at most 5 topics, not 6")
                .contains("aria-describedby=\"manage-error\" aria-invalid=\"true\" autofocus>" + six + "</textarea>")
                .contains("value=\"weekly\" checked").contains("name=\"token\" value=\"" + token + "\"")
                .contains("ada@example.org").contains("action=\"/digest/unsubscribe?token=");
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org")).orElseThrow().topics().queries()).containsExactly("agents");

        // the page's own form, corrected, saves
        HttpResponse<String> saved = post("/digest/manage", Map.of("token", token, "period", "weekly", "topics", "agents\nretrieval"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved.").doesNotContain("manage-error");
    }

    @Test
    void a_refused_subscription_shows_the_form_again_with_what_was_typed_and_the_reason() throws Exception {
        // x@y passes the browser's type=email check; the footer form on any page posts the same fields
        HttpResponse<String> email = subscribe("x@y", "weekly", "agents");
        assertThat(email.statusCode()).isEqualTo(400);
        assertThat(email.body()).doesNotContain("That request is not valid").contains("<title>Not subscribed · Get the digest")
                .contains("id=\"digest-error\"").contains("email: 'x@y' is not an email address")
                .containsPattern("id=\"digest-email\"[^>]* value=\"x@y\"\\s+aria-describedby=\"digest-error\" aria-invalid=\"true\" autofocus>")
                .contains("value=\"weekly\" checked").contains(">agents</textarea>");
        assertThat(email.body().split("action=\"/digest/subscribe\"", -1)).as("one subscribe form, not a second in the footer").hasSize(2);

        String six = "a\nb\nc\nd\ne\nf";
        HttpResponse<String> topics = subscribe("ada@example.org", "daily", six);
        assertThat(topics.statusCode()).isEqualTo(400);
        assertThat(topics.body()).contains("topics: at most 5 topics, not 6").contains("value=\"ada@example.org\"")
                .contains("aria-describedby=\"digest-error\" aria-invalid=\"true\" autofocus>" + six + "</textarea>")
                .contains("value=\"daily\" checked");
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org"))).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void address_literals_and_non_ascii_local_parts_cannot_subscribe() throws Exception {
        for (String refused : new String[] {"a@[127.0.0.1]", "üñí@exämple.org"}) {
            HttpResponse<String> answer = subscribe(refused, "daily", "");
            assertThat(answer.statusCode()).as(refused).isEqualTo(400);
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(subscribe("ada@exämple.org", "daily", "").statusCode()).isEqualTo(200);
        assertThat(link(text(lastMailTo("ada@xn--exmple-cua.org")), "/digest/confirm")).isNotEmpty();
    }

    @Test
    void forged_tampered_and_misused_tokens_are_refused() throws Exception {
        subscribeAndConfirm("ada@example.org", "daily", "");
        subscribeAndConfirm("bob@example.org", "daily", "");
        String confirm = link(text(lastMailTo("ada@example.org")), "/digest/confirm");
        send(DigestPeriod.DAILY, DigestWorld.DAY);
        String adaUnsubscribe = token(lastMailTo("ada@example.org").getHeader("List-Unsubscribe")[0].replaceAll("[<>]", ""));

        // Ada's signature on a payload edited to name Bob.
        String[] parts = adaUnsubscribe.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).replace("ada@", "bob@");
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        // A well-formed token signed with another secret.
        String otherSecret = new DigestTokens("x".repeat(32), world.clock).issue(DigestTokens.Purpose.UNSUBSCRIBE, EmailAddress.parse("bob@example.org"));

        for (String forged : List.of(edited, otherSecret, token(confirm), "garbage", "", adaUnsubscribe + "x")) {
            HttpResponse<String> response = post("/digest/unsubscribe?token=" + URLEncoder.encode(forged, StandardCharsets.UTF_8), Map.of());
            assertThat(response.statusCode()).as(forged).isEqualTo(400);
            assertThat(response.body()).contains("This link is not valid");
        }
        assertThat(post("/digest/confirm", Map.of("token", adaUnsubscribe)).statusCode()).isEqualTo(400);
        assertThat(get("/digest/manage?token=" + adaUnsubscribe).statusCode()).isEqualTo(400);
        assertThat(app.digests().find(EmailAddress.parse("bob@example.org")).orElseThrow().status()).isEqualTo(Subscription.Status.CONFIRMED);
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org")).orElseThrow().status()).isEqualTo(Subscription.Status.CONFIRMED);
    }

    @Test
    void bad_input_gets_a_clear_error_and_stores_and_sends_nothing() throws Exception {
        Map<String[], String> cases = new LinkedHashMap<>();
        cases.put(new String[] {"not-an-address", "daily", ""}, "email: 'not-an-address' is not an email address");
        cases.put(new String[] {"ada@example.org\r\nBcc: victim@example.org", "daily", ""}, "email:");
        cases.put(new String[] {"ada@example.org", "hourly", ""}, "period: period must be daily or weekly, not 'hourly'");
        cases.put(new String[] {"ada@example.org", "", ""}, "period: period must be daily or weekly");
        cases.put(new String[] {"ada@example.org", "daily", "a\nb\nc\nd\ne\nf"}, "topics: at most 5 topics, not 6");
        cases.put(new String[] {"ada@example.org", "daily", "x".repeat(201)}, "topics: a topic has at most 200 characters");
        cases.put(new String[] {"ada@example.org", "daily", "agents\u2028Bcc: victim@example.org"}, "topics: a topic may not contain line breaks");
        cases.put(new String[] {"ada@example.org", "daily", "agents\u0000"}, "topics: a topic may not contain line breaks or control characters");
        cases.put(new String[] {"ada@example.org", "daily", "y\n".repeat(600)}, "topics: at most 1100 characters in all");
        for (var c : cases.entrySet()) {
            HttpResponse<String> response = subscribe(c.getKey()[0], c.getKey()[1], c.getKey()[2]);
            assertThat(response.statusCode()).as(c.getValue()).isEqualTo(400);
            assertThat(response.body()).as(c.getValue()).contains(c.getValue());
        }
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org"))).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_subscribe_posted_from_another_site_is_refused() throws Exception {
        Map<String, String> form = Map.of("email", "ada@example.org", "period", "daily");
        assertThat(post("/digest/subscribe", form, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(post("/digest/subscribe", form, "Sec-Fetch-Site", "cross-site", "Origin", world.instance.url("")).statusCode())
                .isEqualTo(403);
        assertThat(post("/digest/subscribe", form, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(app.digests().find(EmailAddress.parse("ada@example.org"))).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        assertThat(post("/digest/subscribe", form, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    }

    @Test
    void subscribing_again_neither_changes_a_confirmed_subscription_nor_floods_the_inbox() throws Exception {
        DigestService digests = world.service(world.smtp()); // on the test clock
        digests.subscribe("ada@example.org", "daily", "agents", "192.0.2.1", DigestWorld.BASE);
        digests.subscribe("ada@example.org", "daily", "agents", "192.0.2.1", DigestWorld.BASE);
        assertThat(greenMail.getReceivedMessages()).hasSize(1); // one confirmation per ten minutes
        digests.confirm(token(link(text(lastMailTo("ada@example.org")), "/digest/confirm")));

        world.clock.advance(Duration.ofMinutes(11));
        assertThat(subscribe("ada@example.org", "weekly", "").body()).contains("Check your inbox"); // the same answer as for anyone
        digests.subscribe("ADA@example.org", "weekly", "", "192.0.2.1", DigestWorld.BASE);

        Subscription s = digests.find(EmailAddress.parse("ada@example.org")).orElseThrow();
        assertThat(s.period()).isEqualTo(DigestPeriod.DAILY);
        assertThat(s.topics().queries()).containsExactly("agents");
        assertThat(s.status()).isEqualTo(Subscription.Status.CONFIRMED);
        assertThat(greenMail.getReceivedMessages()).hasSize(2); // one note, not two
        assertThat(text(lastMailTo("ada@example.org"))).contains("already receives one").doesNotContain("token=");
    }

    @Test
    void twenty_simultaneous_subscribes_for_one_address_send_one_mail() throws Exception {
        DigestService digests = world.service(world.smtp());
        int requests = 20;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(requests);
        try {
            List<java.util.concurrent.Future<EmailAddress>> done = new java.util.ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String client = "192.0.2." + i; // other clients: the per-client limit is not what stops them here
                done.add(pool.submit(() -> {
                    start.await();
                    return digests.subscribe("ada@example.org", "daily", "agents", client, DigestWorld.BASE);
                }));
            }
            start.countDown();
            for (var f : done) {
                assertThat(f.get().value()).isEqualTo("ada@example.org");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);

        world.clock.advance(DigestService.CONFIRMATION_INTERVAL.plusSeconds(1));
        digests.subscribe("ada@example.org", "daily", "agents", "192.0.2.1", DigestWorld.BASE);
        assertThat(greenMail.getReceivedMessages()).hasSize(2); // after the interval, one more
    }

    @Test
    void one_client_may_ask_only_so_often_and_the_refused_request_stores_and_sends_nothing() throws Exception {
        for (int i = 0; i < DigestService.REQUESTS_PER_CLIENT; i++) {
            assertThat(subscribe("reader" + i + "@example.org", "daily", "").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = subscribe("victim@example.org", "daily", "");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many subscription requests");
        assertThat(app.digests().find(EmailAddress.parse("victim@example.org"))).isEmpty();
        assertThat(greenMail.getReceivedMessages()).hasSize(DigestService.REQUESTS_PER_CLIENT);
        // another client is not affected
        DigestService elsewhere = world.service(world.smtp());
        elsewhere.subscribe("victim@example.org", "daily", "", "198.51.100.7", DigestWorld.BASE);
        assertThat(greenMail.getReceivedMessages()).hasSize(DigestService.REQUESTS_PER_CLIENT + 1);
    }

    @Test
    void the_confirmation_mail_counts_the_topics_without_their_text_and_the_confirm_page_shows_them() throws Exception {
        String bait = "URGENT your account is locked visit https://evil.example/login";
        assertThat(subscribe("ada@example.org", "weekly", bait + "\nagents").statusCode()).isEqualTo(200);

        MimeMessage mail = lastMailTo("ada@example.org");
        String text = text(mail);
        assertThat(text).doesNotContain("evil.example").doesNotContain("URGENT").doesNotContain("agents")
                .contains("with 2 topics");
        assertThat(mail.getSubject()).doesNotContain("evil");

        HttpResponse<String> page = get(link(text, "/digest/confirm"));
        assertThat(page.body()).contains("<li>URGENT your account is locked visit https://evil.example/login</li>")
                .contains("<li>agents</li>").contains("How often: weekly");
    }
}
