package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Optional;
import org.dailypapers.account.Accounts;
import org.dailypapers.account.Session;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.vote.Upvotes;
import org.dailypapers.web.CommunityPages.AccountPage;
import org.dailypapers.web.CommunityPages.MenuPage;
import org.dailypapers.web.CommunityPages.SignInPage;
import org.dailypapers.web.CommunityPages.VerifyPage;

/**
 * Sign-in by emailed link, sign-out and the account settings. Opening the link shows a confirmation button
 * rather than signing in on the GET itself: mail scanners that fetch links must not use them up, and a
 * link planted by someone else cannot sign a visitor into the planter's account without a click.
 */
final class AccountRoutes {
    /** The most recent upvotes whose state app.js shows; older ones show as not voted until clicked. */
    static final int MAX_VOTED = 5_000;

    private final Accounts accounts;
    private final Upvotes upvotes;
    private final Visitors visitors;
    private final Templates templates;
    private final Optional<URI> baseUrl;
    private final boolean outbox;

    /** @param outbox whether mail goes to the outbox (so {@code /dev/mailbox} shows it) */
    AccountRoutes(Accounts accounts, Upvotes upvotes, Visitors visitors, Templates templates, Optional<URI> baseUrl, boolean outbox) {
        this.accounts = accounts;
        this.upvotes = upvotes;
        this.visitors = visitors;
        this.templates = templates;
        this.baseUrl = baseUrl;
        this.outbox = outbox;
    }

    void register(RoutesConfig routes) {
        routes.get("/signin", this::signInForm);
        routes.post("/signin", this::requestLink);
        routes.get("/signin/verify", this::confirm);
        routes.post("/signin/verify", this::signIn);
        routes.post("/signout", this::signOut);
        routes.get("/account", this::settings);
        routes.post("/account", this::saveSettings);
        routes.get("/account/menu", this::menu);
        routes.get("/account/state", this::state);
    }

    private void signInForm(Context ctx) {
        noStore(ctx);
        if (visitors.session(ctx).isPresent()) {
            ctx.redirect("/account");
            return;
        }
        String next = ctx.queryParam("next") != null ? next(ctx.queryParam("next")) : cameFrom(ctx);
        templates.page(ctx, "account/signin.jte", new SignInPage(visitors.csrfToken(ctx), "", null, next, false, null));
    }

    /**
     * Without a {@code next} parameter (a link on a page whose script did not run): the page of this site the
     * visitor came from, by the Referer header, else {@code /}.
     */
    private static String cameFrom(Context ctx) {
        return pageIn(ctx.header("Referer"), from -> from.getRawAuthority() != null && from.getRawAuthority().equalsIgnoreCase(ctx.host()));
    }

    /**
     * The page of this site that {@code url} (a request header's value) names, as {@link #returnTo} gives it;
     * {@code /} when the header is missing, too long, malformed, or names a page that is not {@code ours}.
     */
    private static String pageIn(String url, java.util.function.Predicate<URI> ours) {
        if (url == null || url.length() > 2_000) {
            return "/";
        }
        try {
            URI page = new URI(url);
            return ours.test(page) ? returnTo(page) : "/";
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }

    /** The local path (and query) of a page of this site to come back to; the sign-in pages themselves lead home. */
    static String returnTo(URI page) {
        String path = page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath();
        if (path.startsWith("/signin")) {
            return "/";
        }
        return next(page.getRawQuery() == null ? path : path + "?" + page.getRawQuery());
    }

    /** The sign-in link that returns to {@code next} (already checked by {@link #next}). */
    static String signInHref(String next) {
        return next.equals("/") ? "/signin" : "/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Mails a link; a refusal (an address we cannot mail, a limit reached) shows the form again with the typed
     * address, the page to return to and the reason beside the field.
     */
    private void requestLink(Context ctx) {
        noStore(ctx);
        String next = next(ctx.formParam("next"));
        String typed = ctx.formParam("email") == null ? "" : ctx.formParam("email");
        String kept = typed.length() > EmailAddress.MAX_LENGTH ? typed.substring(0, EmailAddress.MAX_LENGTH) : typed;
        InlineRefusal.register(ctx, (c, message) -> {
            noStore(c);
            templates.page(c, "account/signin.jte", new SignInPage(visitors.csrfToken(c), kept, null, next, false, message));
        });
        EmailAddress sentTo = accounts.requestLink(typed, Clients.rateKey(ctx), Clients.mailBase(baseUrl, ctx), next);
        templates.page(ctx, "account/signin.jte", new SignInPage(visitors.csrfToken(ctx), sentTo.value(), sentTo.value(), next,
                outbox && Clients.isLocal(ctx), null));
    }

    private void confirm(Context ctx) {
        noStore(ctx);
        String token = ctx.queryParam("token");
        String next = next(ctx.queryParam("next"));
        refusedLink(ctx, next);
        EmailAddress email = accounts.checkLink(token);
        templates.page(ctx, "account/verify.jte", new VerifyPage(visitors.csrfToken(ctx), token, email.value(), next, null));
    }

    private void signIn(Context ctx) {
        String next = next(ctx.formParam("next"));
        refusedLink(ctx, next);
        visitors.startSession(ctx, accounts.signIn(ctx.formParam("token")));
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /**
     * A link that is used, expired or not ours answers with why and a way to ask for a new one that still
     * returns to {@code next}: a link is often opened late or twice, and the person is not stuck there.
     */
    private void refusedLink(Context ctx, String next) {
        InlineRefusal.register(ctx, (c, message) -> {
            noStore(c);
            templates.page(c, "account/verify.jte", new VerifyPage(visitors.csrfToken(c), "", "", next, message));
        });
    }

    private void signOut(Context ctx) {
        visitors.endSession(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void settings(Context ctx) {
        noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        if (session.isEmpty()) {
            ctx.redirect("/signin");
            return;
        }
        templates.page(ctx, "account/account.jte", new AccountPage(session.get().account(), session.get().csrfToken(),
                accounts.isAdmin(session.get().account()), ctx.queryParam("saved") != null));
    }

    private void saveSettings(Context ctx) {
        Session session = visitors.require(ctx, "change your settings");
        accounts.setDisplayName(session.account(), ctx.formParam("displayName"));
        ctx.redirect("/account?saved", HttpStatus.SEE_OTHER);
    }

    /** The sign-in link or the signed-in menu, loaded into every (cached, user-neutral) page by htmx. */
    private void menu(Context ctx) {
        noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        templates.fragment(ctx, "account/menu.jte", new MenuPage(session.map(Session::account).orElse(null),
                session.map(Session::csrfToken).orElse(null), session.map(s -> accounts.isAdmin(s.account())).orElse(false),
                signInHref(menuPage(ctx))));
    }

    /** The page htmx loads the menu into (its {@code HX-Current-URL} header), as a local path; else {@code /}. */
    private static String menuPage(Context ctx) {
        return pageIn(ctx.header("HX-Current-URL"), page -> true);
    }

    /**
     * For app.js: whether signed in, the CSRF token for htmx requests and for empty {@code _csrf} fields of
     * forms on cached pages, and which papers this person upvoted.
     */
    private void state(Context ctx) {
        noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        var json = new java.util.LinkedHashMap<String, Object>();
        json.put("signedIn", session.isPresent());
        // Signed out, the token is the anonymous one (its cookie set here): forms on cached pages, such as
        // a subscribe form, get it filled in by app.js.
        json.put("csrf", visitors.csrfToken(ctx));
        session.ifPresent(s -> {
            json.put("handle", s.account().handle());
            json.put("voted", upvotes.votedIds(s.account(), MAX_VOTED));
        });
        ctx.json(json);
    }

    /**
     * Where to go after signing in: a path on this site, or {@code /}. Anything else ({@code //host},
     * {@code https://...}, backslashes, control characters) is ignored, so the parameter cannot send a
     * visitor to another site. Spaces and non-ASCII characters ("/search?q=中文") are percent-encoded, as a
     * Location header must carry them.
     */
    static String next(String raw) {
        if (raw == null || raw.length() > 500) {
            return "/";
        }
        StringBuilder encoded = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            if (cp == ' ' || cp > 0x7e && !Character.isISOControl(cp) && (cp < 0xD800 || cp > 0xDFFF)) {
                for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    encoded.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
                }
            } else {
                encoded.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        String path = encoded.toString();
        return path.matches("/(?![/\\\\])[\\x21-\\x7e]*") ? path : "/";
    }

    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
