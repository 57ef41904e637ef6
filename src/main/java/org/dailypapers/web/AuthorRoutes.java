package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.PaperSearch;

/**
 * {@code /authors/{name}}: every paper with that author, newest first, {@value #PAGE_SIZE} a page ({@code p}
 * counts pages from 0). Author names on paper pages link here. The name matches an author exactly, ignoring
 * case and repeated spaces, as the search index stores it.
 */
final class AuthorRoutes {
    static final int PAGE_SIZE = 20;
    private static final int MAX_NAME = 200;

    private final PaperSearch search;
    private final Templates templates;

    AuthorRoutes(PaperSearch search, Templates templates) {
        this.search = search;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/authors/{name}", this::show);
    }

    private void show(Context ctx) {
        String name = ctx.pathParam("name").strip();
        List<String> ids = name.isEmpty() || name.length() > MAX_NAME ? List.of() : search.byAuthor(name);
        if (ids.isEmpty()) {
            throw HttpProblem.notFound("No author named '" + PaperRoutes.shorten(name) + "' has papers here.");
        }
        int lastPage = (ids.size() - 1) / PAGE_SIZE;
        int page = ApiRoutes.intParam(ctx, "p", 0, 0, lastPage);
        List<String> shown = ids.subList(page * PAGE_SIZE, Math.min(ids.size(), (page + 1) * PAGE_SIZE));
        List<PaperRecord> records = search.recordsOf(shown);
        List<FeedPaper> papers = records.stream().map(r -> new FeedPaper(r.paper(), r.entry())).toList();
        String spelled = records.isEmpty() ? name : records.getFirst().paper().authors().stream()
                .filter(a -> a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(name.replaceAll("\\s+", " ")))
                .findFirst().orElse(name);
        String base = Views.authorPath(spelled) + "?p=";
        templates.page(ctx, "author/author.jte", new AuthorPage(spelled, ids.size(), papers, page,
                page > 0 ? base + (page - 1) : null, page < lastPage ? base + (page + 1) : null));
    }
}
