package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.Accounts;
import org.dailypapers.account.Session;
import org.dailypapers.collection.CollectionContents;
import org.dailypapers.collection.PaperCollection;
import org.dailypapers.collection.PaperCollections;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.web.CollectionPages.CollectionPage;
import org.dailypapers.web.CollectionPages.MyCollectionsPage;
import org.dailypapers.web.CollectionPages.UserCollections;

/**
 * The collection pages: {@code /collections} (one's own, and the form that makes one), {@code /collections/{id}}
 * (with its exports {@code .bib} and {@code .csl.json}), the owner's changes (plain form posts that come back
 * to the page, so they work without scripts) and {@code /users/{handle}/collections}, which a profile loads.
 * None of these pages is cached: each shows what its viewer may see.
 */
final class CollectionRoutes {
    /** The messages a change comes back with ({@code ?done=}): fixed texts, so the parameter cannot inject any. */
    private static final Map<String, String> DONE = Map.of(
            "created", "Collection created.", "saved", "Collection saved.", "removed", "Paper removed from the collection.",
            "moved", "Paper moved.", "note", "Note saved.", "added", "Paper added to the collection.");

    private final PaperCollections collections;
    private final Accounts accounts;
    private final Visitors visitors;
    private final Templates templates;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    CollectionRoutes(PaperCollections collections, Accounts accounts, Visitors visitors, Templates templates,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.collections = collections;
        this.accounts = accounts;
        this.visitors = visitors;
        this.templates = templates;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/collections", this::mine);
        routes.post("/collections", this::create);
        routes.get("/collections/{ref}", this::show);
        routes.post("/collections/{id}", this::update);
        routes.post("/collections/{id}/delete", this::delete);
        routes.post("/collections/{id}/items", ctx -> change(ctx, "added", (a, id, p) -> collections.add(a, id, p)));
        routes.post("/collections/{id}/items/remove", ctx -> change(ctx, "removed", (a, id, p) -> collections.remove(a, id, p)));
        routes.post("/collections/{id}/items/move", ctx -> {
            boolean up = switch (String.valueOf(ctx.formParam("direction"))) {
                case "up" -> true;
                case "down" -> false;
                default -> throw HttpProblem.badRequest("direction must be up or down");
            };
            change(ctx, "moved", (a, id, p) -> collections.move(a, id, p, up));
        });
        routes.post("/collections/{id}/items/note",
                ctx -> change(ctx, "note", (a, id, p) -> collections.setNote(a, id, p, ctx.formParam("note"))));
        routes.get("/users/{handle}/collections", this::ofUser);
    }

    private void mine(Context ctx) {
        AccountRoutes.noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        if (session.isEmpty()) {
            ctx.redirect(AccountRoutes.signInHref("/collections"));
            return;
        }
        templates.page(ctx, "collection/mine.jte", myPage(session.get(), "", "", null));
    }

    private MyCollectionsPage myPage(Session s, String name, String description, String error) {
        return new MyCollectionsPage(s.account().handle(), collections.ownedBy(s.account(), Optional.of(s.account())),
                s.csrfToken(), name, description, error);
    }

    private void create(Context ctx) {
        Session session = visitors.require(ctx, "make collections");
        String name = capped(ctx.formParam("name"), PaperCollections.MAX_NAME);
        String description = capped(ctx.formParam("description"), PaperCollections.MAX_DESCRIPTION);
        InlineRefusal.register(ctx, (c, message) -> {
            AccountRoutes.noStore(c);
            templates.page(c, "collection/mine.jte", myPage(session, name, description, message));
        });
        PaperCollection made = collections.create(session.account(), ctx.formParam("name"), ctx.formParam("description"),
                isPublic(ctx));
        ctx.redirect(path(made.id()) + "?done=created", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        AccountRoutes.noStore(ctx);
        String ref = ctx.pathParam("ref");
        Optional<Account> viewer = visitors.session(ctx).map(Session::account);
        if (ref.endsWith(".bib") || ref.endsWith(".csl.json")) {
            String id = ref.substring(0, ref.length() - (ref.endsWith(".bib") ? ".bib".length() : ".csl.json".length()));
            CollectionContents contents = visible(id, viewer);
            String file = CiteRoutes.fileName(contents.collection().name(), id);
            if (ref.endsWith(".bib")) {
                CiteRoutes.bibtex(ctx, contents.papers(), file);
            } else {
                CiteRoutes.cslJson(ctx, json, contents.papers(), file);
            }
            return;
        }
        CollectionContents contents = visible(ref, viewer);
        boolean owner = viewer.map(a -> contents.collection().ownedBy(a.id())).orElse(false);
        templates.page(ctx, "collection/collection.jte", new CollectionPage(contents,
                owner ? visitors.session(ctx).get().csrfToken() : null, owner && ctx.queryParam("done") != null ? DONE.get(ctx.queryParam("done")) : null));
    }

    private CollectionContents visible(String id, Optional<Account> viewer) {
        return collections.contents(id, viewer).orElseThrow(() -> HttpProblem.notFound(
                "There is no collection " + PaperRoutes.shorten(id) + " (or it is private)."));
    }

    private void update(Context ctx) {
        Session session = visitors.require(ctx, "change collections");
        String id = ctx.pathParam("id");
        collections.update(session.account(), id, ctx.formParam("name"), ctx.formParam("description"), isPublic(ctx));
        ctx.redirect(path(id) + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx) {
        Session session = visitors.require(ctx, "delete collections");
        collections.delete(session.account(), ctx.pathParam("id"));
        ctx.redirect("/collections", HttpStatus.SEE_OTHER);
    }

    /** One change to an item of a collection, then back to the collection (or to {@code next}, a page of this site). */
    private void change(Context ctx, String done, ItemChange change) {
        Session session = visitors.require(ctx, "change collections");
        String id = ctx.pathParam("id");
        ArxivId paper = paper(ctx);
        change.apply(session.account(), id, paper);
        String next = ctx.formParam("next");
        // back at the paper that moved or got its note, not at the top of a list of up to a thousand
        String at = done.equals("removed") ? "" : "#" + Views.collectionItemId(paper.value());
        ctx.redirect(next != null ? AccountRoutes.next(next) : path(id) + "?done=" + done + at, HttpStatus.SEE_OTHER);
    }

    @FunctionalInterface
    private interface ItemChange {
        void apply(Account owner, String collectionId, ArxivId paper);
    }

    private void ofUser(Context ctx) {
        AccountRoutes.noStore(ctx);
        String handle = ctx.pathParam("handle");
        Optional<Account> account = accounts.byHandle(handle);
        if (account.isEmpty()) { // a Hugging Face name without an account here: its profile has no collections
            ctx.result("");
            return;
        }
        Account owner = account.get();
        Optional<Account> viewer = visitors.session(ctx).map(Session::account);
        templates.fragment(ctx, "collection/list.jte", new UserCollections(owner.handle(), collections.ownedBy(owner, viewer),
                viewer.map(v -> v.id().equals(owner.id())).orElse(false)));
    }

    static ArxivId paper(Context ctx) {
        String raw = ctx.formParam("paper");
        if (raw == null || raw.isBlank()) {
            throw HttpProblem.badRequest("Say which paper: the paper field is missing.");
        }
        return ArxivId.parse(raw.strip()).orElseThrow(() -> HttpProblem.badRequest("'" + PaperRoutes.shorten(raw) + "' is not an arXiv id."));
    }

    /** {@code visibility=public|private}; private when missing (a collection is private unless said otherwise). */
    static boolean isPublic(Context ctx) {
        String v = ctx.formParam("visibility");
        if (v == null || v.equals("private")) {
            return false;
        }
        if (v.equals("public")) {
            return true;
        }
        throw HttpProblem.badRequest("visibility must be public or private, not '" + PaperRoutes.shorten(v) + "'");
    }

    static String path(String collectionId) {
        return "/collections/" + collectionId;
    }

    /** What was typed, cut to a length that can be shown again in the form (the refusal names the limit). */
    private static String capped(String text, int max) {
        return text == null ? "" : text.length() > max + 50 ? text.substring(0, max + 50) : text;
    }
}
