package org.dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwordless sign-in over real HTTP: the link comes from the outbox (the mail layer's default). */
class SignInTest {
    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2026-08-21T15:00:00Z"));
    TestInstance instance;

    @BeforeEach
    void start() {
        instance = TestInstance.withClock(dir, Map.of("DAILYPAPERS_SIGNIN_PER_ADDRESS", "3"), clock, "hf/2026-08-21.json").start();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    Visitor visitor() {
        return new Visitor(instance::url);
    }

    @Test
    void the_link_from_the_mail_signs_in_with_a_hardened_session_cookie() {
        Visitor ada = visitor();
        HttpResponse<String> asked = ada.requestLink("Ada@Example.org");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("We sent a sign-in link to <strong>ada@example.org</strong>");

        String link = Visitor.linkFromOutbox(dir, "ada@example.org");
        HttpResponse<String> signedIn = ada.useLink(link);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dp_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");

        assertThat(ada.get("/account/state").body()).contains("\"signedIn\":true").containsPattern("\"handle\":\"ad-[a-z2-9]{4}\"");
        assertThat(ada.get("/account/menu").body()).contains("ad-").contains("Sign out");
        assertThat(ada.get("/account").body()).contains("ada@example.org");
        // The token itself is never stored: only its SHA-256.
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(instance.app().accounts()).isNotNull();
        assertThat(dbContains(token)).isFalse();
    }

    private boolean dbContains(String text) {
        try {
            return new String(Files.readAllBytes(dir.resolve("papers.db")), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)
                    || (Files.exists(dir.resolve("papers.db-wal"))
                    && new String(Files.readAllBytes(dir.resolve("papers.db-wal")), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void after_signing_in_the_visitor_returns_to_the_page_they_came_from_on_this_site_only() {
        Visitor ada = visitor();
        ada.get("/signin?next=/papers/2608.19880");
        ada.post("/signin", fields("email", "ada@example.org", "next", "/papers/2608.19880"));
        String link = Visitor.linkFromOutbox(dir, "ada@example.org");
        assertThat(link).endsWith("&next=%2Fpapers%2F2608.19880");
        assertThat(ada.useLink(link).headers().firstValue("Location")).hasValue("/papers/2608.19880");

        String[] evils = {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/a\tb"};
        for (int i = 0; i < evils.length; i++) {
            String evil = evils[i];
            Visitor bob = visitor();
            bob.get("/signin");
            bob.post("/signin", fields("email", "bob" + i + "@example.org", "next", evil));
            String bobs = Visitor.linkFromOutbox(dir, "bob" + i + "@example.org");
            assertThat(bobs).as(evil).doesNotContain("next=");
            HttpResponse<String> page = bob.get(bobs.substring(bobs.indexOf("/signin/verify")) + "&next=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.body()).as(evil).contains("name=\"next\" value=\"/\"");
        }
    }

    @Test
    void the_header_sign_in_link_and_the_submit_page_carry_the_current_page_and_only_a_local_one() {
        Visitor ada = visitor();
        // The menu is loaded by htmx into every page, which names the page in HX-Current-URL.
        assertThat(ada.get("/account/menu", Map.of("HX-Current-URL", instance.url("/papers/week?sort=new&page=2"))).body())
                .contains("<a href=\"/signin?next=%2Fpapers%2Fweek%3Fsort%3Dnew%26page%3D2\">Sign in</a>");
        assertThat(ada.get("/account/menu", Map.of("HX-Current-URL", instance.url("/"))).body()).contains("<a href=\"/signin\">");
        assertThat(ada.get("/account/menu", Map.of("HX-Current-URL", instance.url("/signin?next=/x"))).body()).contains("<a href=\"/signin\">");
        assertThat(ada.get("/account/menu", Map.of("HX-Current-URL", "http://evil.example//evil.example/x")).body())
                .contains("<a href=\"/signin\">");
        assertThat(ada.get("/submit").body()).contains("<a href=\"/signin?next=/submit\">Sign in</a> to submit");

        // The menu's link, followed: the form carries it on, and so does the mailed link.
        assertThat(ada.get("/signin?next=%2Fpapers%2Fweek%3Fsort%3Dnew%26page%3D2").body())
                .contains("name=\"next\" value=\"/papers/week?sort=new&amp;page=2\"");
        // A link without next (the page's script did not run): the page of this site it was clicked on.
        assertThat(ada.get("/signin", Map.of("Referer", instance.url("/papers/2608.19880"))).body())
                .contains("name=\"next\" value=\"/papers/2608.19880\"");
        assertThat(ada.get("/signin", Map.of("Referer", "https://elsewhere.example/papers/2608.19880")).body())
                .contains("name=\"next\" value=\"/\"");
    }

    @Test
    void the_we_sent_a_link_page_points_to_the_development_mailbox_only_for_a_visitor_on_this_machine() {
        Visitor ada = visitor();
        assertThat(ada.requestLink("ada@example.org").body()).contains("<a href=\"/dev/mailbox\">development mailbox</a>");
        Visitor proxied = visitor();
        proxied.get("/signin");
        HttpResponse<String> viaProxy = proxied.postRaw("/signin", fields("_csrf", proxied.csrf(), "email", "bob@example.org"),
                Map.of("X-Forwarded-For", "203.0.113.7"));
        assertThat(viaProxy.body()).contains("We sent a sign-in link").doesNotContain("/dev/mailbox");
    }

    @Test
    void a_used_link_a_forged_link_and_an_expired_link_are_refused() {
        Visitor ada = visitor();
        ada.requestLink("ada@example.org");
        String link = Visitor.linkFromOutbox(dir, "ada@example.org");
        assertThat(ada.useLink(link).statusCode()).isEqualTo(303);

        Visitor eve = visitor();
        HttpResponse<String> reused = eve.useLink(link);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("already used");
        // Even posting the token directly (skipping the confirmation page) does not sign in.
        eve.get("/signin");
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(eve.post("/signin/verify", fields("token", token)).statusCode()).isEqualTo(400);

        HttpResponse<String> forged = eve.useLink(link.substring(0, link.length() - 3) + "abc");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("not valid");
        assertThat(eve.get("/account/state").body()).contains("\"signedIn\":false");

        Visitor bob = visitor();
        bob.requestLink("bob@example.org");
        String late = Visitor.linkFromOutbox(dir, "bob@example.org");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        HttpResponse<String> expired = bob.useLink(late);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body()).contains("expired");
        assertThat(bob.get("/account/state").body()).contains("\"signedIn\":false");
    }

    @Test
    void a_used_or_expired_link_links_to_a_new_sign_in_that_still_returns_to_the_page() {
        Visitor ada = visitor();
        ada.get("/signin?next=/papers/2608.19880");
        ada.post("/signin", fields("email", "ada@example.org", "next", "/papers/2608.19880"));
        String link = Visitor.linkFromOutbox(dir, "ada@example.org");
        assertThat(ada.useLink(link).statusCode()).isEqualTo(303);

        HttpResponse<String> reused = visitor().useLink(link);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("already used").contains("href=\"/signin?next=%2Fpapers%2F2608.19880\"")
                .doesNotContain("That request is not valid");

        // The button posted after the link expired: the same way out, from the form's own next.
        Visitor bob = visitor();
        bob.requestLink("bob@example.org");
        String late = Visitor.linkFromOutbox(dir, "bob@example.org");
        assertThat(bob.get(late.substring(late.indexOf("/signin/verify"))).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        String token = java.net.URLDecoder.decode(late.substring(late.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> expired = bob.post("/signin/verify", fields("token", token, "next", "/collections"));
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body()).contains("expired").contains("href=\"/signin?next=%2Fcollections\"");
        // Without a page to return to, the plain sign-in page.
        assertThat(visitor().get("/signin/verify?token=nonsense").body()).contains("not valid").contains("href=\"/signin\"");
    }

    @Test
    void a_refused_address_shows_the_form_again_with_what_was_typed_and_the_reason_beside_the_field() {
        Visitor ada = visitor();
        ada.get("/signin?next=/papers/2608.19880");
        // x@y passes the browser's type=email check; we refuse it (no dot in the domain)
        HttpResponse<String> refused = ada.post("/signin", fields("email", "x@y", "next", "/papers/2608.19880"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        String page = refused.body();
        assertThat(page).doesNotContain("That request is not valid").contains("<title>Not sent · Sign in")
                .contains("id=\"signin-error\"").contains("Email: 'x@y' is not an email address")
                .containsPattern("<input id=\"signin-email\"[^>]* value=\"x@y\"[^>]* aria-describedby=\"signin-error\" aria-invalid=\"true\" autofocus")
                .contains("name=\"next\" value=\"/papers/2608.19880\"");
        assertThat(outboxCount()).isZero();
        // ... and the form still works from there
        assertThat(ada.post("/signin", fields("email", "ada@example.org", "next", "/papers/2608.19880")).body())
                .contains("We sent a sign-in link").doesNotContain("aria-invalid=\"true\"");
    }

    @Test
    void a_link_used_by_many_clicks_at_once_signs_in_exactly_once() throws Exception {
        Visitor ada = visitor();
        ada.requestLink("ada@example.org");
        String link = Visitor.linkFromOutbox(dir, "ada@example.org");
        java.util.List<Visitor> clickers = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Visitor v = visitor();
            assertThat(v.get(link.substring(link.indexOf("/signin/verify"))).statusCode()).isEqualTo(200);
            clickers.add(v);
        }
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var results = pool.invokeAll(clickers.stream()
                    .map(v -> (java.util.concurrent.Callable<Integer>) () -> v.post("/signin/verify", fields("token", token)).statusCode())
                    .toList());
            long signedIn = 0;
            for (var r : results) {
                signedIn += r.get() == 303 ? 1 : 0;
                assertThat(r.get()).isIn(303, 400);
            }
            assertThat(signedIn).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_link_still_works_just_before_its_fifteen_minutes_are_up() {
        Visitor ada = visitor();
        ada.requestLink("ada@example.org");
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(ada.useLink(Visitor.linkFromOutbox(dir, "ada@example.org")).statusCode()).isEqualTo(303);
    }

    @Test
    void requests_without_or_with_a_wrong_csrf_token_are_refused_and_change_nothing() {
        Visitor eve = visitor();
        HttpResponse<String> noToken = eve.postRaw("/signin", fields("email", "victim@example.org"), Map.of());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");
        assertThat(outboxCount()).isZero();

        Visitor ada = visitor().signIn(dir, "ada@example.org");
        String realToken = ada.csrf();
        ada.csrf("x".repeat(43));
        HttpResponse<String> wrong = ada.post("/account", fields("displayName", "Mallory"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        ada.csrf(null);
        assertThat(ada.post("/account", fields("displayName", "Mallory")).statusCode()).isEqualTo(403);
        // Another visitor's anonymous token is not this session's token either.
        ada.csrf(eve.get("/signin").body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
        assertThat(ada.post("/account", fields("displayName", "Mallory")).statusCode()).isEqualTo(403);
        assertThat(ada.postRaw("/signout", Map.of(), Map.of()).statusCode()).isEqualTo(403);
        assertThat(ada.get("/account").body()).doesNotContain("Mallory");

        ada.csrf(realToken);
        assertThat(ada.post("/account", fields("displayName", "Ada Lovelace")).statusCode()).isEqualTo(303);
        assertThat(ada.get("/account").body()).contains("value=\"Ada Lovelace\"");
    }

    @Test
    void display_names_are_checked() {
        Visitor ada = visitor().signIn(dir, "ada@example.org");
        HttpResponse<String> tooLong = ada.post("/account", fields("displayName", "A".repeat(81)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Display name: at most 80 characters");
        ada.post("/account", fields("displayName", "<b>Ada</b>"));
        assertThat(ada.get("/account/menu").body()).contains("&lt;b&gt;Ada&lt;/b&gt;").doesNotContain("<b>Ada");
    }

    @Test
    void signed_out_visitors_get_an_anonymous_token_for_forms_on_cached_pages() {
        Visitor eve = visitor();
        HttpResponse<String> state = eve.get("/account/state");
        assertThat(state.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(state.body()).contains("\"signedIn\":false").contains("\"csrf\":\"").doesNotContain("voted");
        eve.learnToken();
        assertThat(eve.csrf()).isEqualTo(eve.cookie("dp_csrf")).hasSize(43);
        // That token lets the visitor ask for a sign-in link; it is not a session's token.
        assertThat(eve.post("/signin", fields("email", "eve@example.org")).statusCode()).isEqualTo(200);
    }

    @Test
    void sign_out_ends_the_session_on_the_server() {
        Visitor ada = visitor().signIn(dir, "ada@example.org");
        String cookie = ada.cookie("dp_session");
        assertThat(ada.post("/signout", Map.of()).statusCode()).isEqualTo(303);
        Visitor replay = visitor();
        replay.setCookie("dp_session", cookie);
        assertThat(replay.get("/account/state").body()).contains("\"signedIn\":false");
    }

    @Test
    void link_requests_are_rate_limited_per_address_and_bad_addresses_are_refused() {
        Visitor ada = visitor();
        for (int i = 0; i < 3; i++) {
            assertThat(ada.requestLink("ada@example.org").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> fourth = ada.requestLink("ada@example.org");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("Too many sign-in links");
        assertThat(outboxCount()).isEqualTo(3);
        clock.advance(Duration.ofHours(1));
        assertThat(ada.requestLink("ada@example.org").statusCode()).isEqualTo(200);

        HttpResponse<String> bad = ada.requestLink("not an address");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Email:");
        assertThat(ada.requestLink("a".repeat(300) + "@example.org").statusCode()).isEqualTo(400);
        assertThat(ada.requestLink("ada@example.org\r\nBcc: eve@example.org").statusCode()).isEqualTo(400);
    }

    @Test
    void address_literals_and_non_ascii_local_parts_get_no_link_and_international_domains_are_mailed_in_ascii() {
        Visitor ada = visitor();
        for (String refused : new String[] {"a@[127.0.0.1]", "üñí@exämple.org"}) {
            HttpResponse<String> answer = ada.requestLink(refused);
            assertThat(answer.statusCode()).as(refused).isEqualTo(400);
            assertThat(answer.body()).as(refused).contains("Email:");
        }
        assertThat(outboxCount()).isZero();

        assertThat(ada.requestLink("ada@exämple.org").statusCode()).isEqualTo(200);
        assertThat(Visitor.linkFromOutbox(dir, "ada@xn--exmple-cua.org")).contains("/signin/verify");
    }

    @Test
    void links_are_limited_per_client_too() throws Exception {
        try (TestInstance strict = TestInstance.withClock(dir.resolve("strict"), Map.of("DAILYPAPERS_SIGNIN_PER_CLIENT", "2"), clock).start()) {
            Visitor v = new Visitor(strict::url);
            assertThat(v.requestLink("a@example.org").statusCode()).isEqualTo(200);
            assertThat(v.requestLink("b@example.org").statusCode()).isEqualTo(200);
            assertThat(v.requestLink("c@example.org").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void the_session_cookie_is_secure_when_the_site_is_served_over_https() throws Exception {
        try (TestInstance https = TestInstance.withClock(dir.resolve("https"), Map.of("DAILYPAPERS_BASE_URL", "https://papers.example.org"), clock).start()) {
            // A client over plain http does not send back Secure cookies: echo the anonymous token by hand.
            Visitor v = new Visitor(https::url);
            HttpResponse<String> form = v.get("/signin");
            assertThat(form.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("dp_csrf=") && c.contains("; Secure"));
            Map<String, String> cookie = Map.of("Cookie", "dp_csrf=" + v.csrf());
            assertThat(v.postRaw("/signin", fields("_csrf", v.csrf(), "email", "ada@example.org"), cookie).statusCode()).isEqualTo(200);
            String link = Visitor.linkFromOutbox(dir.resolve("https"), "ada@example.org");
            assertThat(link).startsWith("https://papers.example.org/signin/verify?token=");
            String token = java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> done = v.postRaw("/signin/verify", fields("_csrf", v.csrf(), "token", token), cookie);
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(done.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("dp_session=") && c.contains("; Secure"));
        }
    }

    private long outboxCount() {
        try (var files = Files.list(dir.resolve("outbox"))) {
            return files.count();
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thirty_people_signing_in_for_the_first_time_at_once_all_get_in_and_share_no_handle() throws Exception {
        instance.close();
        instance = TestInstance.withClock(dir, Map.of("DAILYPAPERS_SIGNIN_PER_CLIENT", "100"), clock).start();
        java.util.List<Visitor> people = new java.util.ArrayList<>();
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Visitor v = visitor();
            // Ten share the local part "ada": their handles must still differ.
            String email = i < 10 ? "ada@site" + i + ".example.org" : "person" + i + "@example.org";
            v.requestLink(email);
            String link = Visitor.linkFromOutbox(dir, email);
            v.get(link.substring(link.indexOf("/signin/verify")));
            tokens.add(java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8));
            people.add(v);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            java.util.List<java.util.concurrent.Callable<HttpResponse<String>>> clicks = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Visitor v = people.get(i);
                String token = tokens.get(i);
                clicks.add(() -> v.post("/signin/verify", fields("token", token)));
            }
            for (var r : pool.invokeAll(clicks)) {
                assertThat(r.get().statusCode()).as(r.get().body()).isEqualTo(303);
            }
        } finally {
            pool.shutdown();
        }
        java.util.Set<String> handles = new java.util.HashSet<>();
        for (Visitor v : people) {
            String state = v.get("/account/state").body();
            assertThat(state).contains("\"signedIn\":true");
            handles.add(state.replaceAll("(?s).*\"handle\":\"([^\"]+)\".*", "$1"));
        }
        assertThat(handles).hasSize(30);
    }

    @Test
    void a_sign_in_that_fails_does_not_use_up_the_link() throws Exception {
        Visitor ada = visitor();
        ada.requestLink("ada@example.org");
        String link = Visitor.linkFromOutbox(dir, "ada@example.org");
        // A step after using the link fails (the real way: the session table is gone for a moment).
        try (var db = org.dailypapers.store.Database.open(instance.app().config().database())) {
            db.jdbi().useHandle(h -> h.execute("ALTER TABLE account_session RENAME TO account_session_away"));
            assertThat(ada.useLink(link).statusCode()).isEqualTo(500);
            db.jdbi().useHandle(h -> h.execute("ALTER TABLE account_session_away RENAME TO account_session"));
        }
        assertThat(visitor().useLink(link).statusCode()).isEqualTo(303);
    }

    @Test
    void a_new_account_never_takes_an_imported_submitters_name_nor_shows_the_whole_address() {
        // taesiri submitted 2608.19880 on Hugging Face (hf/2026-08-21.json).
        Visitor mallory = visitor();
        mallory.signIn(dir, "taesiri@evil.example");
        String state = mallory.get("/account/state").body();
        assertThat(state).contains("\"signedIn\":true").doesNotContain("\"handle\":\"taesiri\"").containsPattern("\"handle\":\"tae-[a-z2-9]{4}\"");
        String profile = instance.get("/users/taesiri").body();
        assertThat(profile).contains("Hugging Face user").contains("/papers/2608.19880");
    }

    @Test
    void with_a_base_url_configured_links_point_there_whatever_host_the_request_named() throws Exception {
        instance.close();
        java.nio.file.Path other = dir.resolve("other");
        instance = TestInstance.withClock(other, Map.of("DAILYPAPERS_BASE_URL", "http://papers.example.org/dp"), clock).start();
        Visitor ada = visitor();
        HttpResponse<String> asked = ada.requestLink("ada@example.org");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(Visitor.linkFromOutbox(other, "ada@example.org")).startsWith("http://papers.example.org/dp/signin/verify?token=");
    }
}
