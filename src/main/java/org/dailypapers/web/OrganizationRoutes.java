package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.FeedPaper;

/** {@code /organizations/{name}}: the papers of one organization, newest first; badges link here. */
final class OrganizationRoutes {
    private final FeedService feed;
    private final Templates templates;

    OrganizationRoutes(FeedService feed, Templates templates) {
        this.feed = feed;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/organizations/{name}", this::show);
    }

    private void show(Context ctx) {
        String name = ctx.pathParam("name");
        List<FeedPaper> papers = name.length() > 200 ? List.of() : feed.organization(name);
        if (papers.isEmpty()) {
            throw HttpProblem.notFound("No organization named '" + PaperRoutes.shorten(name) + "' has papers here.");
        }
        templates.page(ctx, "feed/organization.jte", new OrganizationPage(papers.getFirst().paper().organization(), papers));
    }
}
