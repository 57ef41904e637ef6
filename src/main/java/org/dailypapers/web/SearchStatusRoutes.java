package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dailypapers.account.Accounts;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Refused.Reason;
import org.dailypapers.account.Session;
import org.dailypapers.search.EmbeddingBacklog;
import org.dailypapers.search.PaperSearch;

/**
 * The state of search for operators: {@code GET /admin/search} (administrators) shows the embedding backlog
 * (papers without a vector, encoding rate, estimated end) and whether semantic search is warming up;
 * {@link #health} gives the same figures to {@code /health}.
 */
final class SearchStatusRoutes {

    private final PaperSearch search;
    private final Accounts accounts;
    private final Visitors visitors;
    private final Templates templates;

    SearchStatusRoutes(PaperSearch search, Accounts accounts, Visitors visitors, Templates templates) {
        this.search = search;
        this.accounts = accounts;
        this.visitors = visitors;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/search", this::page);
    }

    private void page(Context ctx) {
        AccountRoutes.noStore(ctx);
        Session session = visitors.require(ctx, "see the state of search");
        if (!accounts.isAdmin(session.account())) {
            throw new Refused(Reason.FORBIDDEN, "Only administrators can see the state of search.");
        }
        templates.page(ctx, "admin/search.jte", new SearchStatusPage(search.backlog(), search.method(),
                search.warmingUpNotice().orElse(null)));
    }

    /** The search part of {@code /health}: papers indexed, the method searches use now, and the backlog. */
    static Map<String, Object> health(PaperSearch search) {
        EmbeddingBacklog.Snapshot b = search.backlog();
        Map<String, Object> backlog = new LinkedHashMap<>();
        backlog.put("papers", b.withoutVector());
        backlog.put("papersPerSecond", Math.round(b.papersPerSecond() * 10) / 10.0);
        backlog.put("etaSeconds", b.eta() == null ? null : b.eta().toSeconds());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", search.backendState());
        out.put("indexed", b.indexed());
        out.put("method", search.method());
        out.put("embedded", Math.round(b.coverage() * 1000) / 1000.0);
        out.put("warmingUp", search.warmingUpNotice().isPresent());
        out.put("backlog", backlog);
        return out;
    }
}
