package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.PaperSearch;

/**
 * A paper's page, {@code /papers/{arxivId}}: new- and old-style ids, with or without a version; as Markdown
 * ({@link PaperMarkdown}) at {@code /papers/{arxivId}.md} or for {@code Accept: text/markdown}.
 */
final class PaperRoutes {
    static final int SIMILAR = 6;

    private final PaperRepository papers;
    private final PaperSearch search;
    private final Templates templates;
    private final RenderedPages pages;
    private final PaperMarkdown markdown;
    private static final String MD_SUFFIX = ".md";

    PaperRoutes(PaperRepository papers, PaperSearch search, Templates templates, RenderedPages pages, PaperMarkdown markdown) {
        this.markdown = markdown;
        this.papers = papers;
        this.search = search;
        this.pages = pages;
        this.templates = templates;
    }

    /** Registered last among {@code /papers/...} routes: its path parameter takes slashes (math/0211159). */
    void register(RoutesConfig routes) {
        routes.get("/papers/<id>", this::show);
    }

    private void show(Context ctx) {
        String raw = ctx.pathParam("id");
        // {id}.md, or Accept: text/markdown, is the paper as Markdown (huggingface_hub's read_paper); no arXiv id ends so
        boolean mdSuffix = raw.endsWith(MD_SUFFIX);
        String idText = mdSuffix ? raw.substring(0, raw.length() - MD_SUFFIX.length()) : raw;
        ctx.header("Vary", "Accept"); // one URL, two representations: a cache must tell them apart
        PaperRecord record = find(papers, idText);
        if (!record.paper().id().value().equals(idText)) {
            ctx.redirect("/papers/" + record.paper().id().value() + (mdSuffix ? MD_SUFFIX : ""), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        if (mdSuffix || PaperMarkdown.preferred(ctx.header("Accept"))) {
            ctx.contentType(PaperMarkdown.CONTENT_TYPE).result(pages.get(ctx, PaperMarkdown.CONTENT_TYPE,
                    () -> markdown.render(record).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        Templates.html(ctx, pages.get(ctx, () -> templates.pageBytes("paper/paper.jte", page(record))));
    }

    private PaperPage page(PaperRecord record) {
        List<FeedPaper> similar = search.records(search.similar(record.paper().id(), SIMILAR)).stream()
                .map(r -> new FeedPaper(r.paper(), r.entry())).toList();
        return new PaperPage(record.paper(), record.entry(), similar);
    }

    /** The paper with this id, or a 400 for a malformed id, or a 404. Shared with the API. */
    static PaperRecord find(PaperRepository papers, String raw) {
        ArxivId id = ArxivId.parse(raw).orElseThrow(() -> HttpProblem.badRequest(
                "'" + shorten(raw) + "' is not an arXiv id: expected e.g. 2406.09414, 2406.09414v2 or math/0211159"));
        return papers.find(id).orElseThrow(() -> HttpProblem.notFound("No paper " + id + " here."));
    }

    /** The {@code id} path parameter as an arXiv id, or a 400. */
    static ArxivId id(Context ctx) {
        String raw = ctx.pathParam("id");
        return ArxivId.parse(raw).orElseThrow(() -> HttpProblem.badRequest("'" + shorten(raw) + "' is not an arXiv id."));
    }

    static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
