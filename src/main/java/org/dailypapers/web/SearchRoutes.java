package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchResults;
import org.dailypapers.search.Snippet;

/**
 * Search: the {@code /search} screen and {@code GET /api/papers/search?q=&limit=}. Pasting an arXiv id or an
 * arxiv.org / huggingface.co papers link on the screen goes straight to the paper, or says that we do not have it.
 * The API without a query answers as Hugging Face's does, with a list rather than an error ({@code huggingface_hub}'s
 * {@code list_papers()} sends no {@code q}): the latest feed day's papers as {@code /} ranks them.
 */
final class SearchRoutes {
    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 24;
    static final int MAX_API_LIMIT = 120;
    private static final int SNIPPET_WIDTH = 320;

    private final PaperSearch search;
    private final FeedService feed;
    private final PaperRepository papers;
    private final Templates templates;
    private final ObjectMapper json;
    private final HfJson hf;

    SearchRoutes(PaperSearch search, FeedService feed, PaperRepository papers, Templates templates, ObjectMapper json) {
        this.search = search;
        this.feed = feed;
        this.papers = papers;
        this.templates = templates;
        this.json = json;
        this.hf = new HfJson(json);
    }

    void register(RoutesConfig routes) {
        routes.get("/search", this::page);
        routes.get("/api/papers/search", this::api);
    }

    private void page(Context ctx) {
        // Parameters that are wrong show the form again as typed, with what is wrong beside it, rather than an
        // error page the person has to go back from (the status still says the request was refused).
        SearchForm form = SearchForm.typed(ctx);
        Optional<SearchForm.Problem> problem = form.problem();
        if (problem.isPresent()) {
            ctx.status(400);
            templates.page(ctx, "search/search.jte", SearchPage.refused(form, problem.get(), search.method()));
            return;
        }
        Optional<ArxivId> pasted = ArxivId.parseLoose(form.q());
        if (pasted.isPresent() && papers.find(pasted.get()).isPresent()) {
            ctx.redirect("/papers/" + pasted.get().value());
            return;
        }
        if (pasted.isPresent()) {
            // Who pastes an id or a link wants that one paper. Searching for it as text finds nothing related:
            // BM25 matches only stray digits and the dense side always returns the papers nearest to a number,
            // so a list under "no paper here" would only suggest a relation that is not there.
            templates.page(ctx, "search/search.jte", new SearchPage(form, List.of(), 0, 0, null, null,
                    "No paper " + pasted.get() + " here yet.", search.method()));
            return;
        }
        if (form.isEmpty()) {
            templates.page(ctx, "search/search.jte", new SearchPage(form, List.of(), 0, 0, null, null,
                    "Search by topic, by a half-remembered description, by author:name, org:handle or \"an exact phrase\"; "
                            + "or paste an arXiv id or link.", search.method()));
            return;
        }
        int page = ApiRoutes.intParam(ctx, "p", 0, 0, MAX_PAGE);
        SearchResults results = search.find(form.request((page + 1) * PAGE_SIZE + 1));
        List<ScoredPaper> found = results.results();
        List<ScoredPaper> shown = found.subList(Math.min(found.size(), page * PAGE_SIZE), Math.min(found.size(), (page + 1) * PAGE_SIZE));
        List<PaperRecord> records = search.records(shown);
        List<Snippet> snippets = search.snippets(form.q(), records.stream().map(r -> r.paper().summary()).toList(), SNIPPET_WIDTH);
        List<SearchPage.Hit> hits = new java.util.ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            hits.add(new SearchPage.Hit(new FeedPaper(records.get(i).paper(), records.get(i).entry()), snippets.get(i)));
        }
        String base = "/search?" + form.query() + "&p=";
        // a page typed past the end (the pager never links there) points back to the last page there is
        int lastPage = found.isEmpty() ? 0 : (found.size() - 1) / PAGE_SIZE;
        String notice = !hits.isEmpty() ? null
                : form.nothingToSearchFor()
                        ? "There is nothing to search for in that query: it has no letter or digit. Type some words or an author:name."
                : !found.isEmpty() ? "No more results: they end on page " + (lastPage + 1) + "."
                : "No papers match. Try fewer words or filters.";
        templates.page(ctx, "search/search.jte", new SearchPage(form, hits, page, results.total(),
                page > 0 && !found.isEmpty() ? base + Math.min(page - 1, lastPage) : null,
                found.size() > (page + 1) * PAGE_SIZE && page < MAX_PAGE ? base + (page + 1) : null, notice, search.method(),
                search.reducedModeNotice().or(search::warmingUpNotice).orElse(null)));
    }

    private void api(Context ctx) {
        SearchForm form = SearchForm.of(ctx);
        int limit = ApiRoutes.intParam(ctx, "limit", ApiRoutes.DEFAULT_LIMIT, 1, MAX_API_LIMIT);
        if (form.isEmpty()) {
            latest(ctx, limit);
            return;
        }
        SearchResults results = search.find(form.request(limit));
        // the body stays Hugging Face's plain list; how many there are and how they were ranked go in headers
        ctx.header("X-Total-Count", Integer.toString(results.total()));
        ctx.header("X-Search-Method", search.method());
        ctx.contentType("application/json").result(hf.searchItems(search.records(results.results())).toString());
    }

    /**
     * No query and no filter: what {@code /} shows, the latest feed day's papers most upvoted first (or, while the
     * feed is empty, the newest arXiv listings), at most {@code limit}.
     */
    private void latest(Context ctx, int limit) {
        List<FeedPaper> shown = feed.latestDay().map(day -> feed.papers(FeedPeriod.day(day))).orElseGet(feed::newestOnArxiv);
        var items = json.createArrayNode();
        shown.stream().limit(limit).forEach(p -> items.add(hf.searchItem(p.paper(), p.entry())));
        ctx.header("X-Total-Count", Integer.toString(shown.size()));
        ctx.header("X-Search-Method", "latest");
        ctx.contentType("application/json").result(items.toString());
    }
}
