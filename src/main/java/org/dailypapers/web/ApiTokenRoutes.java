package org.dailypapers.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.dailypapers.account.Account;
import org.dailypapers.account.Session;
import org.dailypapers.apitoken.ApiTokens;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.submit.Submissions;

/**
 * Personal API tokens on {@code /account/tokens} (make, list, revoke: signed in, CSRF as every form) and the
 * API they open: {@code POST /api/papers/submit}, which submits a paper as the token's owner under the same rules
 * as the {@code /submit} form. That route is authenticated by the token alone (never by a cookie), so it needs no
 * CSRF token: a cross-site form cannot set an {@code Authorization} header ({@link Visitors} leaves it out).
 */
final class ApiTokenRoutes {
    static final String SUBMIT_PATH = "/api/papers/submit";

    private final ApiTokens tokens;
    private final Submissions submissions;
    private final PaperRepository papers;
    private final Visitors visitors;
    private final Templates templates;
    private final ObjectMapper json;

    ApiTokenRoutes(ApiTokens tokens, Submissions submissions, PaperRepository papers, Visitors visitors, Templates templates,
            ObjectMapper json) {
        this.tokens = tokens;
        this.submissions = submissions;
        this.papers = papers;
        this.visitors = visitors;
        this.templates = templates;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/account/tokens", this::list);
        routes.post("/account/tokens", this::create);
        routes.post("/account/tokens/{id}/revoke", this::revoke);
        routes.post(SUBMIT_PATH, this::submit);
    }

    private void list(Context ctx) {
        Session session = visitors.require(ctx, "manage API tokens");
        show(ctx, session, null, null);
    }

    /** Shows the new secret in this response only (no redirect: a secret never goes into a URL or history). */
    private void create(Context ctx) {
        Session session = visitors.require(ctx, "make API tokens");
        InlineRefusal.register(ctx, (c, message) -> show(c, session, null, message));
        ApiTokens.NewToken made = tokens.create(session.account(), ctx.formParam("name"));
        show(ctx, session, new TokensPage.Created(made.token().name(), made.secret()), null);
    }

    private void revoke(Context ctx) {
        Session session = visitors.require(ctx, "revoke API tokens");
        InlineRefusal.register(ctx, (c, message) -> show(c, session, null, message));
        tokens.revoke(session.account(), ctx.pathParam("id"));
        ctx.redirect("/account/tokens", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, Session session, TokensPage.Created created, String error) {
        AccountRoutes.noStore(ctx);
        templates.page(ctx, "account/tokens.jte", new TokensPage(session.csrfToken(), tokens.list(session.account()), created, error));
    }

    /** Submits {@code {"paper": "<arXiv id or link>"}} (or a form field {@code paper}); 201 with the paper, as {@code /api/papers/{id}}. */
    private void submit(Context ctx) throws Exception {
        ctx.header("WWW-Authenticate", "Bearer"); // for the 401s; removed once the token is good
        Account account = tokens.authenticate(ctx.header("Authorization"), Clients.rateKey(ctx));
        ctx.res().setHeader("WWW-Authenticate", null);
        ArxivId id = submissions.submit(account, paperField(ctx));
        PaperRecord record = papers.find(id).orElseThrow(() -> HttpProblem.notFound("No paper " + id + " here."));
        ctx.status(201).header("Location", "/api/papers/" + id.value()).header("Cache-Control", "no-store")
                .contentType("application/json").result(json.writeValueAsBytes(new HfJson(json).paper(record.paper(), record.entry())));
    }

    private String paperField(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            return ctx.formParam("paper");
        }
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (java.io.IOException e) {
            throw HttpProblem.badRequest("The body is not valid JSON: send {\"paper\": \"<arXiv id or link>\"}.");
        }
        JsonNode paper = body == null ? null : body.get("paper");
        if (paper == null || !paper.isTextual()) {
            throw HttpProblem.badRequest("The body must be {\"paper\": \"<arXiv id or link>\"}, with the paper as a string.");
        }
        return paper.asText();
    }
}
