package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;
import org.dailypapers.digest.DigestService;
import org.dailypapers.digest.DigestTokens;
import org.dailypapers.digest.Subscription;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.web.DigestPage.Screen;

/**
 * Email digest screens: {@code /digest} (the form, also in every page's footer), {@code POST /digest/subscribe},
 * {@code /digest/confirm}, {@code /digest/manage} and {@code /digest/unsubscribe}.
 *
 * <p>Links in mail open a page with a button rather than acting on GET, because mail scanners fetch links;
 * the exception is RFC 8058's one-click unsubscribe, a POST to the List-Unsubscribe URL that acts at once.
 * CSRF: every POST but subscribe carries a signed token that a forging site cannot know. Subscribe is
 * anonymous and has no session, so it refuses cross-site posts by the browser's own headers
 * ({@code Sec-Fetch-Site}, else {@code Origin}) — no cookie or token, so cached pages can carry the form —
 * and a forged subscribe could only ever send a confirmation mail (at most one per address per ten
 * minutes): nothing starts without a click on the link in that mail.
 */
final class DigestRoutes {
    private static final int MAX_TOPICS_FIELD = 1_100;
    /** An Origin header: scheme://host[:port], nothing else ("null" from sandboxed or privacy-sensitive contexts never matches). */
    private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile("https?://([^/\\s]+)");

    private final DigestService digests;
    private final Optional<URI> baseUrl;
    private final Templates templates;

    DigestRoutes(DigestService digests, Optional<URI> baseUrl, Templates templates) {
        this.digests = digests;
        this.baseUrl = baseUrl;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/digest", ctx -> show(ctx, DigestPage.of(Screen.SUBSCRIBE)));
        routes.post("/digest/subscribe", this::subscribe);
        routes.get("/digest/confirm", this::toConfirm);
        routes.post("/digest/confirm", this::confirm);
        routes.get("/digest/manage", ctx -> show(ctx, manage(Screen.MANAGE, digests.manage(token(ctx)), token(ctx))));
        routes.post("/digest/manage", this::change);
        routes.get("/digest/unsubscribe", ctx -> show(ctx,
                screen(Screen.UNSUBSCRIBE, digests.addressOf(token(ctx), DigestTokens.Purpose.UNSUBSCRIBE), token(ctx))));
        routes.post("/digest/unsubscribe", this::unsubscribe);
    }

    /**
     * Subscribes; a refusal shows {@code /digest}'s form (the footer's form posts here too) with the address,
     * period and topics as typed and the reason, under the refusal's status.
     */
    private void subscribe(Context ctx) throws Exception {
        requireSameSite(ctx);
        String topics = form(ctx, "topics");
        String email = capped(form(ctx, "email"), EmailAddress.MAX_LENGTH);
        InlineRefusal.register(ctx, (c, message) -> show(c, new DigestPage(Screen.SUBSCRIBE, email, typedPeriod(ctx, "daily"),
                capped(topics, MAX_TOPICS_FIELD), "", "", message)));
        if (topics.length() > MAX_TOPICS_FIELD) {
            throw HttpProblem.badRequest("topics: at most " + MAX_TOPICS_FIELD + " characters in all");
        }
        EmailAddress address = digests.subscribe(ctx.formParam("email"), ctx.formParam("period"), topics, ctx.ip(), base(ctx));
        show(ctx, new DigestPage(Screen.CHECK_INBOX, address.value(), "", "", "", ""));
    }

    /** The confirm button, with the period and topics it starts: the mail does not repeat the topics' text. */
    private void toConfirm(Context ctx) {
        String token = token(ctx);
        EmailAddress address = digests.addressOf(token, DigestTokens.Purpose.CONFIRM);
        Optional<Subscription> pending = digests.toConfirm(token);
        show(ctx, new DigestPage(Screen.CONFIRM, address.value(), pending.map(s -> s.period().id()).orElse(""),
                pending.map(s -> s.topics().asLines()).orElse(""), token, ""));
    }

    private void confirm(Context ctx) {
        Subscription s = digests.confirm(form(ctx, "token"));
        show(ctx, new DigestPage(Screen.CONFIRMED, s.email().value(), s.period().id(), "", digests.manageToken(s.email()), ""));
    }

    /**
     * Saves the manage form. A refusal of what was typed shows the manage page again with it, the reason and the
     * same token, so the person can correct it; a bad or expired token is refused before that, as on the GET.
     */
    private void change(Context ctx) {
        String token = form(ctx, "token");
        String topics = form(ctx, "topics");
        Subscription current = digests.manage(token);
        InlineRefusal.register(ctx, (c, message) -> show(c, new DigestPage(Screen.MANAGE, current.email().value(),
                typedPeriod(ctx, current.period().id()), capped(topics, MAX_TOPICS_FIELD), token,
                digests.unsubscribeToken(current.email()), message)));
        if (topics.length() > MAX_TOPICS_FIELD) {
            throw HttpProblem.badRequest("topics: at most " + MAX_TOPICS_FIELD + " characters in all");
        }
        show(ctx, manage(Screen.SAVED, digests.change(token, ctx.formParam("period"), topics), token));
    }

    /** The period posted when it is one the form offers, else {@code otherwise}: what the form shows again. */
    private static String typedPeriod(Context ctx, String otherwise) {
        String period = form(ctx, "period");
        return period.equals("daily") || period.equals("weekly") ? period : otherwise;
    }

    private static String capped(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** RFC 8058: a POST to the List-Unsubscribe URL unsubscribes with no further interaction. */
    private void unsubscribe(Context ctx) {
        EmailAddress address = digests.unsubscribe(token(ctx));
        show(ctx, new DigestPage(Screen.UNSUBSCRIBED, address.value(), "", "", "", ""));
    }

    private DigestPage manage(Screen screen, Subscription s, String token) {
        return new DigestPage(screen, s.email().value(), s.period().id(), s.topics().asLines(), token,
                digests.unsubscribeToken(s.email()));
    }

    private static DigestPage screen(Screen screen, EmailAddress address, String token) {
        return new DigestPage(screen, address.value(), "", "", token, "");
    }

    private void show(Context ctx, DigestPage page) {
        // Pages with tokens must not be cached or leak their URL to linked sites.
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        templates.page(ctx, "digest/digest.jte", page);
    }

    /** Links in mail sent during a request point at the configured base URL, else at the host asked for. */
    private URI base(Context ctx) {
        return Clients.mailBase(baseUrl, ctx);
    }

    private static String token(Context ctx) {
        String token = ctx.queryParam("token");
        return token == null ? form(ctx, "token") : token;
    }

    private static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /**
     * Refuses a post that a browser says came from another site. Browsers send {@code Sec-Fetch-Site} (all
     * current ones) or at least {@code Origin} on a cross-site POST; a request with neither is not from a
     * browser page, so it cannot ride on a visitor's browser.
     */
    private void requireSameSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            if (!site.equals("same-origin") && !site.equals("none")) {
                throw HttpProblem.forbidden("This form can only be sent from this site's own pages.");
            }
            return;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        java.util.regex.Matcher m = ORIGIN.matcher(origin);
        String from = m.matches() ? m.group(1) : null;
        boolean same = from != null && (from.equalsIgnoreCase(ctx.host())
                || baseUrl.map(b -> hostAndPort(b).equalsIgnoreCase(from)).orElse(false));
        if (!same) {
            throw HttpProblem.forbidden("This form can only be sent from this site's own pages.");
        }
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
