package org.dailypapers.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.dailypapers.account.Accounts;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Session;
import org.dailypapers.account.Tokens;

/**
 * Who is asking: the session cookie, and the CSRF check of every state-changing request.
 *
 * <p>Session cookies are HttpOnly (scripts cannot read them), SameSite=Lax (other sites' forms do not send
 * them) and Secure when the request came over https (directly, behind a proxy that says so, or when the
 * configured base URL is https). A signed-in visitor's CSRF token belongs to the session; a visitor
 * without a session (the sign-in forms) gets a random token in its own cookie, which the form must echo
 * (double submit). Every POST must carry the token as the {@code _csrf} field or the
 * {@code X-CSRF-Token} header, except the digest's, which carry their own signed tokens, and the API's token-authenticated
 * {@code POST /api/papers/submit}.
 */
final class Visitors {
    static final String SESSION_COOKIE = "dp_session";
    static final String ANONYMOUS_CSRF_COOKIE = "dp_csrf";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "dailypapers.session";
    /**
     * The digest's posts defend themselves (DigestRoutes): each carries a signed token from a mailed link,
     * which is the CSRF token (and RFC 8058's one-click unsubscribe comes from mail clients, without
     * cookies), and subscribe checks the browser's Sec-Fetch-Site / Origin so that cached pages can carry it.
     */
    private static final String OWN_DEFENCE = "/digest/";

    private final Accounts accounts;
    private final boolean httpsBase;

    Visitors(Accounts accounts, boolean httpsBase) {
        this.accounts = accounts;
        this.httpsBase = httpsBase;
    }

    /** The visitor's session, looked up once per request. */
    @SuppressWarnings("unchecked")
    Optional<Session> session(Context ctx) {
        Optional<Session> cached = ctx.attribute(SESSION_ATTRIBUTE);
        if (cached == null) {
            cached = accounts.session(ctx.cookie(SESSION_COOKIE));
            ctx.attribute(SESSION_ATTRIBUTE, cached);
        }
        return cached;
    }

    /** The visitor's session. @throws Refused SIGN_IN without one */
    Session require(Context ctx, String toDoWhat) {
        return session(ctx).orElseThrow(() -> new Refused(Refused.Reason.SIGN_IN, "Please sign in to " + toDoWhat + "."));
    }

    /** The CSRF token forms on this response must carry (setting the anonymous cookie when needed). */
    String csrfToken(Context ctx) {
        Optional<Session> session = session(ctx);
        if (session.isPresent()) {
            return session.get().csrfToken();
        }
        String token = ctx.cookie(ANONYMOUS_CSRF_COOKIE);
        if (token == null || token.length() != 43) {
            token = Tokens.random();
            setCookie(ctx, ANONYMOUS_CSRF_COOKIE, token, -1);
        }
        return token;
    }

    /** Refuses (403) a state-changing request without the right CSRF token. */
    void checkCsrf(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || ctx.path().startsWith(OWN_DEFENCE)
                || ctx.path().equals(ApiTokenRoutes.SUBMIT_PATH)) { // authenticated by its bearer token alone, never by a cookie
            return;
        }
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        String expected = session(ctx).map(Session::csrfToken).orElseGet(() -> ctx.cookie(ANONYMOUS_CSRF_COOKIE));
        if (!Tokens.same(sent, expected)) {
            throw HttpProblem.of(403, sent == null
                    ? "This request carries no CSRF token, so it was refused. Reload the page and try again."
                    : "This request's CSRF token is not the one of your session (the page may be old, or the form came from another site). Reload the page and try again.");
        }
    }

    void startSession(Context ctx, Accounts.NewSession session) {
        setCookie(ctx, SESSION_COOKIE, session.cookie(), session.lifetime().toSeconds());
        ctx.attribute(SESSION_ATTRIBUTE, Optional.of(session.session()));
    }

    void endSession(Context ctx) {
        accounts.signOut(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.attribute(SESSION_ATTRIBUTE, Optional.empty());
    }

    private void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secure(ctx)) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    private boolean secure(Context ctx) {
        return httpsBase || "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
