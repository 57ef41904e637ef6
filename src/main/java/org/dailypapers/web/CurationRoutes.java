package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.dailypapers.account.Session;
import org.dailypapers.curation.Action;
import org.dailypapers.curation.Curation;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.web.CommunityPages.AuditPage;

/** Administrators: {@code POST /admin/papers/{id}} (hide, show, feature, unfeature, remove-submission) and the audit log. */
final class CurationRoutes {
    static final int LOG_SHOWN = 500;

    private final Curation curation;
    private final PaperRepository papers;
    private final Visitors visitors;
    private final Templates templates;

    CurationRoutes(Curation curation, PaperRepository papers, Visitors visitors, Templates templates) {
        this.curation = curation;
        this.papers = papers;
        this.visitors = visitors;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.post("/admin/papers/<id>", this::act);
        routes.get("/admin/audit", this::log);
    }

    private void act(Context ctx) {
        Session session = visitors.require(ctx, "curate the feed");
        ArxivId id = PaperRoutes.id(ctx);
        String raw = ctx.formParam("action");
        Action action = Action.parse(raw == null ? "" : raw).orElseThrow(() -> HttpProblem.badRequest(
                "action must be hide, show, feature, unfeature or remove-submission"));
        curation.apply(session.account(), action, id, ctx.formParam("reason"));
        ctx.redirect(action == Action.REMOVE_SUBMISSION ? "/admin/audit" : "/papers/" + id.value(), HttpStatus.SEE_OTHER);
    }

    private void log(Context ctx) {
        AccountRoutes.noStore(ctx);
        Session session = visitors.require(ctx, "see the curation log");
        List<ArxivId> hidden = curation.hidden(session.account(), LOG_SHOWN);
        templates.page(ctx, "curation/audit.jte", new AuditPage(curation.auditLog(session.account(), LOG_SHOWN),
                papers.findAll(hidden), session.csrfToken()));
    }
}
