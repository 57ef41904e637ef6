package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.Session;
import org.dailypapers.collection.PaperCollection;
import org.dailypapers.collection.PaperCollections;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.web.CollectionPages.SaveMenu;

/**
 * The "Save" menu of a card or paper page. The pages are cached for everyone, so their control is the same
 * for all; opening it loads this person's collections from {@code GET /papers/{id}/collections} (as the vote
 * widget's state comes from {@code /account/state}). Ticking a box posts {@code POST /papers/{id}/collections}
 * ({@code collection}, and {@code saved=true} when ticked) and answers the message to announce; "new
 * collection" ({@code POST /papers/{id}/collections/new}) makes one with the paper in it and answers the menu.
 */
final class SaveMenuRoutes {
    private final PaperCollections collections;
    private final Visitors visitors;
    private final Templates templates;

    SaveMenuRoutes(PaperCollections collections, Visitors visitors, Templates templates) {
        this.collections = collections;
        this.visitors = visitors;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/papers/<id>/collections", this::menu);
        routes.post("/papers/<id>/collections", this::toggle);
        routes.post("/papers/<id>/collections/new", this::create);
    }

    private void menu(Context ctx) {
        AccountRoutes.noStore(ctx);
        ArxivId paper = PaperRoutes.id(ctx);
        Optional<Session> session = visitors.session(ctx);
        if (session.isEmpty()) {
            templates.fragment(ctx, "collection/menu.jte", new SaveMenu(paper.value(), null, Map.of(),
                    AccountRoutes.signInHref(currentPage(ctx, paper)), null, null));
            return;
        }
        render(ctx, session.get(), paper, null, null);
    }

    private void toggle(Context ctx) {
        Session session = visitors.require(ctx, "save papers to collections");
        ArxivId paper = PaperRoutes.id(ctx);
        String id = ctx.formParam("collection");
        if (id == null) {
            throw HttpProblem.badRequest("Say which collection: the collection field is missing.");
        }
        boolean saved = "true".equals(ctx.formParam("saved"));
        if (saved) {
            collections.add(session.account(), id, paper);
        } else {
            collections.remove(session.account(), id, paper);
        }
        AccountRoutes.noStore(ctx);
        String name = collections.find(id, Optional.of(session.account())).map(PaperCollection::name).orElse("the collection");
        if (ctx.header("HX-Request") == null) {
            ctx.redirect(currentPage(ctx, paper), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        ctx.contentType("text/plain; charset=utf-8").result((saved ? "Saved to " : "Removed from ") + name + ".");
    }

    private void create(Context ctx) {
        Session session = visitors.require(ctx, "make collections");
        ArxivId paper = PaperRoutes.id(ctx);
        PaperCollection made = collections.create(session.account(), ctx.formParam("name"), null,
                CollectionRoutes.isPublic(ctx));
        collections.add(session.account(), made.id(), paper);
        AccountRoutes.noStore(ctx);
        if (ctx.header("HX-Request") == null) {
            ctx.redirect(CollectionRoutes.path(made.id()) + "?done=created", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, session, paper, "Made '" + made.name() + "' and saved the paper to it.", made.id());
    }

    private void render(Context ctx, Session session, ArxivId paper, String message, String focus) {
        templates.fragment(ctx, "collection/menu.jte", new SaveMenu(paper.value(), session.csrfToken(),
                collections.membership(session.account(), paper), "/signin", message, focus));
    }

    /** The page the menu is on (htmx's {@code HX-Current-URL}), else the paper's page. */
    static String currentPage(Context ctx, ArxivId paper) {
        String url = ctx.header("HX-Current-URL");
        if (url != null && url.length() <= 2_000) {
            try {
                return AccountRoutes.returnTo(new URI(url));
            } catch (java.net.URISyntaxException e) {
                // a malformed header: the paper's page will do
            }
        }
        return Views.paperPath(paper.value());
    }
}
