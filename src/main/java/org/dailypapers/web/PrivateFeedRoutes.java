package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Optional;
import org.dailypapers.account.Session;
import org.dailypapers.syndication.FeedFormat;
import org.dailypapers.syndication.PrivateFeeds;

/**
 * A person's private feed: {@code /account/feed} makes, replaces and revokes its secret address (shown once,
 * stored hashed), and {@code /private/{secret}/rss}, {@code /atom}, {@code /feed.json} serve it to feed
 * readers, which cannot sign in. An unknown or revoked secret is a 404; the feed is never in a shared cache.
 */
final class PrivateFeedRoutes {
    static final String PATH = "/private/{secret}";

    private final PrivateFeeds feeds;
    private final SyndicationRoutes syndication;
    private final Visitors visitors;
    private final Templates templates;
    private final Optional<URI> baseUrl;

    PrivateFeedRoutes(PrivateFeeds feeds, SyndicationRoutes syndication, Visitors visitors, Templates templates, Optional<URI> baseUrl) {
        this.feeds = feeds;
        this.syndication = syndication;
        this.visitors = visitors;
        this.templates = templates;
        this.baseUrl = baseUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/account/feed", this::settings);
        routes.post("/account/feed", this::make);
        routes.post("/account/feed/revoke", this::revoke);
        for (FeedFormat format : FeedFormat.values()) {
            routes.get(FeedLinks.href(PATH, "", format), ctx -> syndication.send(ctx, format, feeds.open(ctx.pathParam("secret"))
                    .orElseThrow(() -> HttpProblem.notFound("No private feed has this address: it is mistyped, or its owner made a new one or revoked it.")),
                    true));
        }
    }

    private void settings(Context ctx) {
        AccountRoutes.noStore(ctx);
        Optional<Session> session = visitors.session(ctx);
        if (session.isEmpty()) {
            ctx.redirect(AccountRoutes.signInHref("/account/feed"));
            return;
        }
        templates.page(ctx, "account/private-feed.jte", new PrivateFeedPage(session.get().csrfToken(), feeds.describe(),
                feeds.since(session.get().account()).orElse(null), null, ctx.queryParam("revoked") != null));
    }

    /** Makes a new secret (the old one stops working) and shows its addresses on this response only. */
    private void make(Context ctx) {
        AccountRoutes.noStore(ctx);
        Session session = visitors.require(ctx, "make a private feed");
        String secret = feeds.newSecret(session.account());
        String path = Clients.siteBase(baseUrl, ctx) + "/private/" + secret;
        templates.page(ctx, "account/private-feed.jte", new PrivateFeedPage(session.csrfToken(), feeds.describe(),
                feeds.since(session.account()).orElse(null), FeedLinks.of(path, "Your private feed"), false));
    }

    private void revoke(Context ctx) {
        Session session = visitors.require(ctx, "revoke your private feed");
        feeds.revoke(session.account());
        ctx.redirect("/account/feed?revoked", HttpStatus.SEE_OTHER);
    }
}
