package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.dailypapers.account.Session;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.vote.Upvotes;
import org.dailypapers.web.CommunityPages.VoteWidget;

/**
 * {@code POST /papers/{id}/upvote} with {@code up=true|false} (default true): sets the visitor's vote and
 * answers with the new button (for htmx), or redirects back to the paper without htmx.
 */
final class VoteRoutes {
    private final Upvotes upvotes;
    private final Visitors visitors;
    private final Templates templates;

    VoteRoutes(Upvotes upvotes, Visitors visitors, Templates templates) {
        this.upvotes = upvotes;
        this.visitors = visitors;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.post("/papers/<id>/upvote", this::vote);
    }

    private void vote(Context ctx) {
        Session session = visitors.require(ctx, "upvote papers");
        ArxivId id = PaperRoutes.id(ctx);
        String up = ctx.formParam("up");
        if (up != null && !up.equals("true") && !up.equals("false")) {
            throw HttpProblem.badRequest("up must be true or false, not '" + PaperRoutes.shorten(up) + "'");
        }
        Upvotes.Tally tally = upvotes.vote(session.account(), id, !"false".equals(up));
        AccountRoutes.noStore(ctx);
        if (ctx.header("HX-Request") == null) {
            ctx.redirect("/papers/" + id.value(), HttpStatus.SEE_OTHER);
            return;
        }
        templates.fragment(ctx, "vote/widget.jte", new VoteWidget(id.value(), tally.count(), tally.voted(),
                (tally.voted() ? "Upvoted. " : "Upvote taken back. ") + Views.upvotes(tally.count()) + "."));
    }
}
