package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.Session;
import org.dailypapers.discussion.Comment;
import org.dailypapers.discussion.CommentSort;
import org.dailypapers.discussion.Discussion;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.web.DiscussionPage.Draft;
import org.dailypapers.web.DiscussionPage.MailOffPage;
import org.dailypapers.web.DiscussionPage.ReplyMailPage;

/**
 * A paper's discussion: {@code GET /papers/{id}/discussion} (an htmx fragment under the paper page, or a page
 * of its own without JavaScript), posting, replying, editing, deleting, upvoting and hiding comments, the
 * reply-mail setting and its one-click off link, and {@code GET /api/papers/{id}/comments}. Every post answers
 * htmx with the discussion again, and a plain form with a redirect back to it; a refused plain form shows the
 * discussion again with the typed text and the reason beside it ({@link InlineRefusal}).
 */
final class DiscussionRoutes {
    private final Discussion discussion;
    private final PaperRepository papers;
    private final Visitors visitors;
    private final Templates templates;
    private final ObjectMapper json;

    DiscussionRoutes(Discussion discussion, PaperRepository papers, Visitors visitors, Templates templates, ObjectMapper json) {
        this.discussion = discussion;
        this.papers = papers;
        this.visitors = visitors;
        this.templates = templates;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/papers/<id>/discussion", this::show);
        routes.post("/papers/<id>/comments", this::post);
        routes.post("/comments/{comment}/edit", this::edit);
        routes.post("/comments/{comment}/delete", this::delete);
        routes.post("/comments/{comment}/upvote", this::upvote);
        routes.post("/admin/comments/{comment}", this::moderate);
        routes.get("/api/papers/<id>/comments", this::api);
        routes.get("/account/reply-mail", this::replyMailForm);
        routes.post("/account/reply-mail", this::setReplyMail);
        routes.get("/discussion/mail-off", this::mailOffForm);
        routes.post("/discussion/mail-off", this::mailOff);
    }

    private void show(Context ctx) {
        PaperRecord record = PaperRoutes.find(papers, ctx.pathParam("id"));
        render(ctx, record, sort(ctx.queryParam("sort")), null, null);
    }

    private void post(Context ctx) {
        Session session = visitors.require(ctx, "comment");
        PaperRecord record = PaperRoutes.find(papers, ctx.pathParam("id"));
        String parent = blankToNull(ctx.formParam("parent"));
        String text = ctx.formParam("body");
        CommentSort sort = sort(ctx.formParam("sort"));
        refuseInline(ctx, record, sort, new Draft(parent == null ? "new" : "reply-" + parent, text, null));
        String id = discussion.post(session.account(), record.paper().id(), parent, text);
        done(ctx, record, sort, parent == null ? "Comment posted." : "Reply posted.", id);
    }

    private void edit(Context ctx) {
        Session session = visitors.require(ctx, "edit comments");
        Comment comment = comment(ctx);
        PaperRecord record = PaperRoutes.find(papers, comment.arxivId());
        CommentSort sort = sort(ctx.formParam("sort"));
        refuseInline(ctx, record, sort, new Draft("edit-" + comment.id(), ctx.formParam("body"), null));
        discussion.edit(session.account(), comment.id(), ctx.formParam("body"));
        done(ctx, record, sort, "Comment edited.", comment.id());
    }

    private void delete(Context ctx) {
        Session session = visitors.require(ctx, "delete comments");
        Comment comment = comment(ctx);
        discussion.delete(session.account(), comment.id());
        done(ctx, PaperRoutes.find(papers, comment.arxivId()), sort(ctx.formParam("sort")), "Comment deleted.", null);
    }

    private void upvote(Context ctx) {
        Session session = visitors.require(ctx, "upvote comments");
        Comment comment = comment(ctx);
        String up = ctx.formParam("up");
        if (up != null && !up.equals("true") && !up.equals("false")) {
            throw HttpProblem.badRequest("up must be true or false, not '" + PaperRoutes.shorten(up) + "'");
        }
        Discussion.Tally tally = discussion.upvote(session.account(), comment.id(), !"false".equals(up));
        done(ctx, PaperRoutes.find(papers, comment.arxivId()), sort(ctx.formParam("sort")),
                (tally.voted() ? "Upvoted. " : "Upvote taken back. ") + Views.upvotes(tally.count()) + ".", comment.id());
    }

    private void moderate(Context ctx) {
        Session session = visitors.require(ctx, "moderate comments");
        Comment comment = comment(ctx);
        String action = ctx.formParam("action");
        if (!"hide".equals(action) && !"show".equals(action)) {
            throw HttpProblem.badRequest("action must be hide or show");
        }
        discussion.moderate(session.account(), comment.id(), action.equals("hide"), ctx.formParam("reason"));
        done(ctx, PaperRoutes.find(papers, comment.arxivId()), sort(ctx.formParam("sort")),
                action.equals("hide") ? "Comment hidden." : "Comment shown again.", comment.id());
    }

    /** {@code GET /api/papers/{id}/comments}: every comment, replies after their comment; no text when deleted or hidden. */
    private void api(Context ctx) {
        PaperRecord record = PaperRoutes.find(papers, ctx.pathParam("id"));
        ArrayNode out = json.createArrayNode();
        for (Comment top : discussion.thread(record.paper().id(), CommentSort.OLDEST, Optional.empty()).comments()) {
            out.add(commentJson(top));
            top.replies().forEach(r -> out.add(commentJson(r)));
        }
        ctx.contentType("application/json").result(out.toString());
    }

    private ObjectNode commentJson(Comment c) {
        ObjectNode node = json.createObjectNode();
        node.put("id", c.id());
        node.put("parentId", c.parentId());
        ObjectNode author = node.putObject("author");
        author.put("name", c.deleted() ? null : c.authorName());
        author.put("handle", c.deleted() ? null : c.authorHandle());
        node.put("createdAt", Timestamps.hf(c.createdAt()));
        node.put("edited", c.edited());
        node.put("deleted", c.deleted());
        node.put("hidden", c.hidden());
        node.put("upvotes", c.upvotes());
        node.put("markdown", c.markdown());
        node.put("html", c.html());
        return node;
    }

    private void replyMailForm(Context ctx) {
        AccountRoutes.noStore(ctx);
        Session session = visitors.require(ctx, "change your mail settings");
        replyMail(ctx, session, null);
    }

    private void setReplyMail(Context ctx) {
        Session session = visitors.require(ctx, "change your mail settings");
        boolean on = "on".equals(ctx.formParam("replyMail"));
        discussion.setReplyMail(session.account(), on);
        if (ctx.header("HX-Request") == null) {
            ctx.redirect("/account/reply-mail", HttpStatus.SEE_OTHER);
            return;
        }
        AccountRoutes.noStore(ctx);
        replyMail(ctx, session, on ? "Saved: you will get a mail when someone replies." : "Saved: no reply mail.");
    }

    private void replyMail(Context ctx, Session session, String status) {
        ReplyMailPage page = new ReplyMailPage(discussion.replyMail(session.account()), session.csrfToken(), status,
                ctx.header("HX-Request") == null);
        if (page.wholePage()) {
            templates.page(ctx, "discussion/replymail-page.jte", page);
        } else {
            templates.fragment(ctx, "discussion/replymail.jte", page);
        }
    }

    private void mailOffForm(Context ctx) {
        AccountRoutes.noStore(ctx);
        String token = ctx.queryParam("token");
        templates.page(ctx, "discussion/mailoff.jte", new MailOffPage(token == null ? "" : token, visitors.csrfToken(ctx), false));
    }

    private void mailOff(Context ctx) {
        AccountRoutes.noStore(ctx);
        discussion.mailOff(ctx.formParam("token"));
        templates.page(ctx, "discussion/mailoff.jte", new MailOffPage("", "", true));
    }

    private void refuseInline(Context ctx, PaperRecord record, CommentSort sort, Draft draft) {
        InlineRefusal.register(ctx, (c, message) -> {
            String text = draft.text() == null ? "" : draft.text();
            // Kept whole up to the body cap the server already enforces, so nothing typed is lost.
            render(c, record, sort, new Draft(draft.form(), text, message), null);
        });
    }

    private void done(Context ctx, PaperRecord record, CommentSort sort, String status, String anchor) {
        if (ctx.header("HX-Request") == null) {
            String query = sort == CommentSort.OLDEST ? "" : "?sort=" + sort.param();
            ctx.redirect("/papers/" + record.paper().id().value() + "/discussion" + query + (anchor == null ? "" : "#comment-" + anchor),
                    HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, record, sort, null, status);
    }

    private void render(Context ctx, PaperRecord record, CommentSort sort, Draft draft, String status) {
        AccountRoutes.noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        Optional<Account> viewer = session.map(Session::account);
        boolean whole = ctx.header("HX-Request") == null;
        Discussion.Thread thread = discussion.thread(record.paper().id(), sort, viewer);
        // a card counts the comments imported from Hugging Face too (numComments); their text stays there
        int elsewhere = record.entry() == null ? 0 : Math.max(0, record.entry().numComments() - thread.count());
        DiscussionPage page = new DiscussionPage(thread, record.paper().title(), session.map(Session::csrfToken).orElse(null),
                whole, draft, status, elsewhere);
        if (whole) {
            templates.page(ctx, "discussion/page.jte", page);
        } else {
            templates.fragment(ctx, "discussion/thread.jte", page);
        }
    }

    private Comment comment(Context ctx) {
        return discussion.comment(ctx.pathParam("comment"))
                .orElseThrow(() -> HttpProblem.notFound("There is no comment '" + PaperRoutes.shorten(ctx.pathParam("comment")) + "'."));
    }

    private static CommentSort sort(String raw) {
        return CommentSort.parse(raw).orElseThrow(() -> HttpProblem.badRequest(
                "sort must be oldest or top, not '" + PaperRoutes.shorten(raw) + "'"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
