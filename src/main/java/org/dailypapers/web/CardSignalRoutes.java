package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.dailypapers.account.Session;
import org.dailypapers.foryou.ForYou;
import org.dailypapers.foryou.SignalKind;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.web.ForYouPage.Tune;

/**
 * The "For you" menu of every card and paper page: "More like this" and "Not interested" anywhere, not only on
 * {@code /for-you}. The pages are cached for everyone, so their control is the same for all; opening it loads
 * what this person said about the paper from {@code GET /papers/{id}/for-you} (a sign-in prompt for anyone
 * else), and its buttons post {@code POST /papers/{id}/for-you} ({@code kind}: {@code more}, {@code less} or
 * {@code undo}; the CSRF token as every post). Every answer is personal and never stored by a cache.
 */
final class CardSignalRoutes {
    private final ForYou forYou;
    private final Visitors visitors;
    private final Templates templates;

    CardSignalRoutes(ForYou forYou, Visitors visitors, Templates templates) {
        this.forYou = forYou;
        this.visitors = visitors;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/papers/<id>/for-you", this::menu);
        routes.post("/papers/<id>/for-you", this::signal);
    }

    private void menu(Context ctx) {
        ForYouRoutes.personal(ctx);
        ArxivId paper = PaperRoutes.id(ctx);
        Optional<Session> session = visitors.session(ctx);
        if (session.isEmpty()) {
            templates.fragment(ctx, "foryou/tune.jte", new Tune(paper.value(), null,
                    AccountRoutes.signInHref(SaveMenuRoutes.currentPage(ctx, paper)), "none", null));
            return;
        }
        render(ctx, session.get(), paper, null);
    }

    private void signal(Context ctx) {
        Session session = visitors.require(ctx, "tell us what you like");
        ArxivId paper = PaperRoutes.id(ctx);
        String kind = Optional.ofNullable(ctx.formParam("kind")).orElse("");
        String message = switch (kind) {
            case "more" -> {
                forYou.signal(session.account(), paper, SignalKind.MORE);
                yield "Noted: more like this.";
            }
            case "less" -> {
                forYou.signal(session.account(), paper, SignalKind.LESS);
                yield "Noted: not interested.";
            }
            case "undo" -> {
                forYou.forget(session.account(), paper);
                yield "Taken back.";
            }
            default -> throw HttpProblem.badRequest("kind must be more, less or undo, not '" + PaperRoutes.shorten(kind) + "'");
        };
        ForYouRoutes.personal(ctx);
        if (ctx.header("HX-Request") == null) {
            ctx.redirect(SaveMenuRoutes.currentPage(ctx, paper), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, session, paper, message);
    }

    private void render(Context ctx, Session session, ArxivId paper, String message) {
        String state = forYou.signal(session.account(), paper).map(k -> switch (k) {
            // a paper picked at the first visit is already an explicit "more like this": shown as such, so that
            // pressing "More like this" again cannot replace the pick and its undo take it away unasked
            case MORE, PICKED -> "more";
            case LESS -> "less";
            case OPENED -> "none"; // a weak positive: "more like this" still means something
        }).orElse("none");
        templates.fragment(ctx, "foryou/tune.jte", new Tune(paper.value(), session.csrfToken(), "/signin", state, message));
    }
}
