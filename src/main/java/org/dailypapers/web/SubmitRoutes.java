package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.dailypapers.account.Session;
import org.dailypapers.curation.Curation;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.submit.Submissions;
import org.dailypapers.web.CommunityPages.PaperTools;
import org.dailypapers.web.CommunityPages.SubmitPage;

/**
 * {@code /submit} (a paper by arXiv id or link), {@code POST /papers/{id}/links} (its submitter adds the
 * code and project page) and {@code /papers/{id}/tools}: the per-visitor part of a (cached) paper page.
 */
final class SubmitRoutes {
    private final Submissions submissions;
    private final Curation curation;
    private final Visitors visitors;
    private final Templates templates;

    SubmitRoutes(Submissions submissions, Curation curation, Visitors visitors, Templates templates) {
        this.submissions = submissions;
        this.curation = curation;
        this.visitors = visitors;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/submit", this::form);
        routes.post("/submit", this::submit);
        routes.post("/papers/<id>/links", this::links);
        routes.get("/papers/<id>/tools", this::tools);
    }

    private void form(Context ctx) {
        AccountRoutes.noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        templates.page(ctx, "submit/submit.jte", page(session.map(Session::csrfToken).orElse(null), "", null, null));
    }

    /**
     * Submits; a refusal shows the form again with the typed id and the reason (and, when the paper is on the
     * feed, a link to it), under the refusal's status.
     */
    private void submit(Context ctx) {
        Session session = visitors.require(ctx, "submit papers");
        String typed = ctx.formParam("paper") == null ? "" : ctx.formParam("paper");
        String kept = typed.length() > Submissions.MAX_INPUT ? typed.substring(0, Submissions.MAX_INPUT) : typed;
        InlineRefusal.register(ctx, (c, message) -> {
            AccountRoutes.noStore(c);
            String onFeed = ArxivId.parseLoose(typed).filter(submissions::isOnFeed).map(ArxivId::value).orElse(null);
            templates.page(c, "submit/submit.jte", page(session.csrfToken(), kept, message, onFeed));
        });
        ArxivId id = submissions.submit(session.account(), typed);
        ctx.redirect("/papers/" + id.value(), HttpStatus.SEE_OTHER);
    }

    private SubmitPage page(String csrf, String paper, String error, String onFeed) {
        return new SubmitPage(csrf != null, csrf, submissions.config().windowDays(), submissions.config().dailyLimit(), paper, error, onFeed);
    }

    private void links(Context ctx) {
        Session session = visitors.require(ctx, "add links to a paper");
        ArxivId id = PaperRoutes.id(ctx);
        submissions.addLinks(session.account(), id, ctx.formParam("github"), ctx.formParam("projectPage"));
        ctx.redirect("/papers/" + id.value(), HttpStatus.SEE_OTHER);
    }

    private void tools(Context ctx) {
        AccountRoutes.noStore(ctx);
        ArxivId id = PaperRoutes.id(ctx);
        Optional<Session> session = visitors.session(ctx);
        if (session.isEmpty()) {
            ctx.result("");
            return;
        }
        Optional<String> submitterId = submissions.submitterId(id);
        boolean submitter = submitterId.map(session.get().account().id()::equals).orElse(false);
        boolean admin = curation.isAdmin(session.get().account());
        boolean[] flags = curation.flags(id).orElse(new boolean[] {false, false});
        templates.fragment(ctx, "submit/tools.jte", new PaperTools(id.value(), session.get().csrfToken(), submitter, admin,
                flags[0], flags[1], submitterId.isPresent()));
    }
}
