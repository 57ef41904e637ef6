package org.dailypapers.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Answers every request while the instance is {@link Startup starting}, so the port can open before the demo
 * dataset is loaded: a browser gets a page that says how far loading has got and reloads itself, an API
 * client 503 with {@code Retry-After}, {@code /health} 503 with {@code "status": "starting"}. Nothing of it
 * is cached (it is about to change). Static assets pass, so the page has its style.
 */
final class StartupGate {
    /** How often the loading page reloads itself, and what {@code Retry-After} asks of API clients. */
    static final int RETRY_SECONDS = 2;

    private final Startup startup;
    private final Templates templates;

    StartupGate(Startup startup, Templates templates) {
        this.startup = startup;
        this.templates = templates;
    }

    /** A before-handler: answers and ends the request while starting, does nothing once ready. */
    void handle(Context ctx) {
        if (startup.isReady() || ctx.path().startsWith("/assets/") || ctx.path().startsWith("/webjars/")) {
            return;
        }
        ctx.skipRemainingHandlers();
        ctx.status(503).header("Retry-After", Integer.toString(RETRY_SECONDS)).header("Cache-Control", "no-store");
        long done = startup.done();
        long total = startup.total();
        if (ctx.path().equals("/health")) {
            ctx.json(Map.of("status", "starting", "loaded", done, "total", total));
        } else if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", new LoadingPage(done, total).message() + "; try again in " + RETRY_SECONDS + " s"));
        } else {
            templates.page(ctx, "startup/loading.jte", new LoadingPage(done, total));
        }
    }
}
