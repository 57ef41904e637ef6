package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.dailypapers.mail.Outbox;

/**
 * {@code /dev/mailbox}: the mail an instance without SMTP wrote to its outbox, so that sign-in links and digests
 * can be followed in the two-command demo. Sign-in links are secrets, hence the mailbox is served only to
 * clients on this machine, and only when mail goes to the outbox (with SMTP configured the routes do not exist).
 */
final class MailboxRoutes {
    static final int SHOWN = 200;
    /** HTML mail is shown sandboxed: no scripts, no forms, nothing fetched from anywhere. */
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; frame-ancestors 'self'";

    private final Outbox outbox;
    private final Templates templates;

    MailboxRoutes(Outbox outbox, Templates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/dev/mailbox", this::list);
        routes.get("/dev/mailbox/{id}", this::show);
        routes.get("/dev/mailbox/{id}/html", this::html);
    }

    private void list(Context ctx) {
        requireLocal(ctx);
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, "mail/mailbox.jte", new MailboxPage(outbox.directory().toString(), outbox.newest(SHOWN), SHOWN));
    }

    private void show(Context ctx) {
        requireLocal(ctx);
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, "mail/message.jte", new MailMessagePage(message(ctx), MailMessagePage.linkify(message(ctx).text())));
    }

    private void html(Context ctx) {
        requireLocal(ctx);
        Outbox.Message message = message(ctx);
        if (message.html().isEmpty()) {
            throw HttpProblem.notFound("This message has no HTML part.");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", HTML_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(message.html().get());
    }

    private Outbox.Message message(Context ctx) {
        return outbox.find(ctx.pathParam("id"))
                .orElseThrow(() -> HttpProblem.notFound("No message '" + PaperRoutes.shorten(ctx.pathParam("id")) + "' in the outbox."));
    }

    /** Only on this machine, and never through a reverse proxy (which makes every client look local). */
    private static void requireLocal(Context ctx) {
        if (!Clients.isLocal(ctx)) {
            throw HttpProblem.notFound("The development mailbox is only shown on the machine that runs Daily Papers, not through a proxy.");
        }
    }
}
