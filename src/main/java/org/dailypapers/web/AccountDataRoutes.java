package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.dailypapers.account.AccountData;
import org.dailypapers.account.Session;
import org.dailypapers.claims.Claims;
import org.dailypapers.web.ClaimPages.DeletePage;
import org.dailypapers.web.ClaimPages.YourData;

/**
 * "Your data is yours": the account page's part about claims and data ({@code GET /account/yours}, loaded by
 * htmx), the export ({@code POST /account/export}: one JSON file), and the deletion ({@code /account/delete}:
 * type your handle to confirm; then {@code /account/deleted}). Every post carries the session's CSRF token.
 */
final class AccountDataRoutes {
    private final AccountData data;
    private final Claims claims;
    private final Visitors visitors;
    private final Templates templates;
    private final ObjectMapper json;

    AccountDataRoutes(AccountData data, Claims claims, Visitors visitors, Templates templates, ObjectMapper json) {
        this.data = data;
        this.claims = claims;
        this.visitors = visitors;
        this.templates = templates;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/account/yours", this::yours);
        routes.post("/account/export", this::export);
        routes.get("/account/delete", this::confirm);
        routes.post("/account/delete", this::delete);
        routes.get("/account/deleted", this::deleted);
    }

    private void yours(Context ctx) {
        AccountRoutes.noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        if (session.isEmpty()) {
            ctx.result("");
            return;
        }
        templates.fragment(ctx, "claims/yours.jte", new YourData(claims.of(session.get().account()), session.get().csrfToken(),
                claims.isAdmin(session.get().account()), data.sections()));
    }

    private void export(Context ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
        Session session = visitors.require(ctx, "download your data");
        AccountRoutes.noStore(ctx);
        String file = "dailypapers-" + session.account().handle() + "-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".json";
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType("application/json; charset=utf-8")
                .result(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data.export(session.account())));
    }

    private void confirm(Context ctx) {
        AccountRoutes.noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        if (session.isEmpty()) {
            ctx.redirect(AccountRoutes.signInHref("/account/delete"));
            return;
        }
        templates.page(ctx, "claims/delete.jte", new DeletePage(session.get().account().handle(), session.get().csrfToken(), null));
    }

    /** Deletes when the typed handle is the account's; otherwise the form again, saying why (nothing deleted). */
    private void delete(Context ctx) {
        Session session = visitors.require(ctx, "delete your account");
        String typed = ctx.formParam("handle") == null ? "" : ctx.formParam("handle").strip();
        if (!typed.equals(session.account().handle())) {
            AccountRoutes.noStore(ctx);
            ctx.status(400);
            templates.page(ctx, "claims/delete.jte", new DeletePage(session.account().handle(), session.csrfToken(),
                    "To confirm, type your handle, " + session.account().handle() + ", exactly. Nothing was deleted."));
            return;
        }
        data.delete(session.account());
        visitors.endSession(ctx); // the session row is gone already; this clears the cookie
        ctx.redirect("/account/deleted", HttpStatus.SEE_OTHER);
    }

    private void deleted(Context ctx) {
        AccountRoutes.noStore(ctx);
        templates.page(ctx, "claims/deleted.jte", "");
    }
}
