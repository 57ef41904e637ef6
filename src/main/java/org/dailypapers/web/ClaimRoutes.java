package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.dailypapers.account.Session;
import org.dailypapers.claims.ClaimStatus;
import org.dailypapers.claims.Claims;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.web.ClaimPages.AdminClaimsPage;
import org.dailypapers.web.ClaimPages.ClaimBox;

/**
 * Authorship claims: the claim box of a paper page ({@code GET /papers/{id}/claim}, per visitor, never cached),
 * claiming ({@code POST} there), withdrawing ({@code POST /claims/{claimId}/withdraw}) and the administrators'
 * queue ({@code /admin/claims}, accept or reject with a reason). Forms are plain posts that come back to a page.
 */
final class ClaimRoutes {
    static final int DECIDED_SHOWN = 100;
    static final int PENDING_SHOWN = 500;

    private final Claims claims;
    private final PaperRepository papers;
    private final Visitors visitors;
    private final Templates templates;

    ClaimRoutes(Claims claims, PaperRepository papers, Visitors visitors, Templates templates) {
        this.claims = claims;
        this.papers = papers;
        this.visitors = visitors;
        this.templates = templates;
    }

    /** Before {@link PaperRoutes}, whose path parameter takes slashes. */
    void register(RoutesConfig routes) {
        routes.get("/papers/<id>/claim", this::box);
        routes.post("/papers/<id>/claim", this::claim);
        routes.post("/claims/{claim}/withdraw", this::withdraw);
        routes.get("/admin/claims", this::queue);
        routes.post("/admin/claims/{claim}/accept", this::accept);
        routes.post("/admin/claims/{claim}/reject", this::reject);
    }

    private void box(Context ctx) {
        AccountRoutes.noStore(ctx);
        PaperRecord record = PaperRoutes.find(papers, ctx.pathParam("id"));
        ArxivId id = record.paper().id();
        Optional<Session> session = visitors.session(ctx);
        templates.fragment(ctx, "claims/box.jte", new ClaimBox(id.value(), session.isPresent(),
                AccountRoutes.signInHref(paperPath(id)), record.paper().authors(),
                session.flatMap(s -> claims.of(s.account(), id)).orElse(null), session.map(Session::csrfToken).orElse(null)));
    }

    private void claim(Context ctx) {
        Session session = visitors.require(ctx, "claim a paper");
        ArxivId id = PaperRoutes.id(ctx);
        claims.claim(session.account(), id, ctx.formParam("author"));
        ctx.redirect(paperPath(id) + "#claim", HttpStatus.SEE_OTHER);
    }

    private void withdraw(Context ctx) {
        Session session = visitors.require(ctx, "withdraw a claim");
        claims.withdraw(session.account(), ctx.pathParam("claim"));
        ctx.redirect(AccountRoutes.next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void queue(Context ctx) {
        AccountRoutes.noStore(ctx);
        Session session = visitors.require(ctx, "review authorship claims");
        var decided = new java.util.ArrayList<>(claims.decided(session.account(), ClaimStatus.ACCEPTED, DECIDED_SHOWN));
        decided.addAll(claims.decided(session.account(), ClaimStatus.REJECTED, DECIDED_SHOWN));
        decided.sort(java.util.Comparator.comparing(org.dailypapers.claims.AuthorshipClaim::decidedAt).reversed());
        templates.page(ctx, "claims/admin.jte", new AdminClaimsPage(claims.pending(session.account(), PENDING_SHOWN),
                decided.subList(0, Math.min(decided.size(), DECIDED_SHOWN)), session.csrfToken()));
    }

    private void accept(Context ctx) {
        Session session = visitors.require(ctx, "review authorship claims");
        claims.accept(session.account(), ctx.pathParam("claim"));
        ctx.redirect("/admin/claims", HttpStatus.SEE_OTHER);
    }

    private void reject(Context ctx) {
        Session session = visitors.require(ctx, "review authorship claims");
        claims.reject(session.account(), ctx.pathParam("claim"), ctx.formParam("reason"));
        ctx.redirect("/admin/claims", HttpStatus.SEE_OTHER);
    }

    private static String paperPath(ArxivId id) {
        return Views.paperPath(id.value());
    }
}
