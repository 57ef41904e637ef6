package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.dailypapers.account.Refused;
import org.dailypapers.feed.InvalidPeriodException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: JSON {@code {"error": ...}} under {@code /api/}, a page
 * elsewhere. Refusals (4xx) carry their message; unexpected failures are logged once and answered with a
 * generic 500 that reveals nothing internal.
 */
final class ErrorHandling {
    /** What a client hears when its request body was cut short or malformed (a bad chunk). */
    static final String UNREADABLE_BODY = "The request could not be read: its body ended early or was malformed.";

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final Templates templates;
    private final ObjectMapper json;

    ErrorHandling(Templates templates, ObjectMapper json) {
        this.templates = templates;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.exception(HttpProblem.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage()));
        routes.exception(Refused.class, (e, ctx) -> respond(ctx, status(e.reason()), e.getMessage()));
        routes.exception(InvalidPeriodException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        routes.exception(org.dailypapers.digest.InvalidSubscriptionException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        routes.exception(org.dailypapers.digest.InvalidTokenException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        routes.exception(org.dailypapers.mail.MailException.class, (e, ctx) -> {
            log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            respond(ctx, 503, "We could not send the mail just now. Please try again in a few minutes.");
        });
        routes.exception(io.javalin.http.MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = allowed(e.getDetails().getOrDefault("availableMethods", ""));
            ctx.header("Allow", allowed);
            respond(ctx, 405, ctx.path() + " answers " + allowed + ", not " + ctx.method().name() + ".");
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(),
                e.getStatus() == 404 ? noPage(ctx) : e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            int clientFault = clientFault(e);
            if (clientFault > 0) {
                // a body cut short or malformed (a bad chunk, a dropped upload) surfaces when a handler reads it
                log.info("{} {}: the request could not be read: {}", ctx.method(), ctx.path(), e.toString());
                respond(ctx, clientFault, UNREADABLE_BODY);
                return;
            }
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side. Please try again in a moment.");
        });
    }

    /** The Allow header for Javalin's list of an address's methods ("GET, POST"): HEAD goes with GET (HeadAsGet). */
    private static String allowed(String methods) {
        java.util.List<String> list = new java.util.ArrayList<>(java.util.Arrays.stream(methods.split(","))
                .map(String::strip).filter(m -> !m.isEmpty()).toList());
        if (list.contains("GET") && !list.contains("HEAD")) {
            list.add(list.indexOf("GET") + 1, "HEAD");
        }
        return String.join(", ", list);
    }

    /** The 4xx status of a Jetty failure to read the request somewhere in {@code e}'s causes, else 0. */
    private static int clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode();
            }
        }
        return 0;
    }

    private static String noPage(Context ctx) {
        return "There is no page at " + PaperRoutes.shorten(ctx.path()) + ".";
    }

    private static int status(Refused.Reason reason) {
        return switch (reason) {
            case INVALID -> 400;
            case SIGN_IN -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    private void respond(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.header("HX-Request") != null) {
            // An htmx request swaps a fragment in place: the message alone, which app.js announces.
            ctx.contentType("text/plain; charset=utf-8").result(message);
        } else if (ctx.path().startsWith("/api/") || ctx.path().equals("/account/state")) {
            ctx.contentType("application/json").result(jsonError(message));
        } else if (InlineRefusal.of(ctx).isPresent()) {
            InlineRefusal.of(ctx).get().show(ctx, message);
        } else {
            templates.page(ctx, "error.jte", new ErrorPage(status, title(status), message));
        }
    }

    /**
     * {@code {"error": message}}, with {@code < > & '} written as {@code \\u} escapes: an error often quotes the request
     * ({@code 'date' must be YYYY-MM-DD, not '<svg onload=...>'}), and this way no markup from a request appears in an
     * answer, even for a client that sniffs the type or pastes the JSON into a page. The value decodes unchanged.
     */
    String jsonError(String message) {
        try {
            return json.writer(HtmlSafeEscapes.INSTANCE).writeValueAsString(json.createObjectNode().put("error", message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON string", e);
        }
    }

    /** JSON's standard escapes plus the characters HTML gives a meaning to. */
    static final class HtmlSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        static final HtmlSafeEscapes INSTANCE = new HtmlSafeEscapes();
        private final int[] table = standardAsciiEscapesForJSON();

        private HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&', '\''}) {
                table[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "That request is not valid";
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            case 405 -> "Method not allowed";
            case 401 -> "Please sign in";
            case 413 -> "Request too large";
            case 415 -> "Unsupported request format";
            case 429 -> "Too many requests";
            case 503 -> "Try again later";
            default -> status >= 500 ? "Server error" : "Request refused";
        };
    }
}
