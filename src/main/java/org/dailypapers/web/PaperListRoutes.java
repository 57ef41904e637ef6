package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;

/**
 * {@code GET /api/papers?cursor=&limit=}: every paper (on the feed or not, hidden ones left out), in arXiv id
 * order, each in the shape of {@code /api/papers/{id}}. Pages are keyset pages: the cursor names the last id of
 * the previous page, so papers added meanwhile never shift or repeat a page. The cursor is opaque to clients
 * (versioned, Base64url); the next page's URL comes in {@code Link: <...>; rel="next"}, absent on the last page.
 */
final class PaperListRoutes {
    private static final String CURSOR_VERSION = "v1:";
    /** A cursor is a version and an arXiv id (at most 64 characters), Base64url-encoded. */
    private static final int MAX_CURSOR = 120;

    private final PaperRepository papers;
    private final HfJson hf;
    private final ObjectMapper json;
    private final Optional<URI> baseUrl;

    PaperListRoutes(PaperRepository papers, ObjectMapper json, Optional<URI> baseUrl) {
        this.papers = papers;
        this.json = json;
        this.hf = new HfJson(json);
        this.baseUrl = baseUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/papers", this::list);
    }

    private void list(Context ctx) throws Exception {
        int limit = ApiRoutes.intParam(ctx, "limit", ApiRoutes.DEFAULT_LIMIT, 1, ApiRoutes.MAX_LIMIT);
        String after = decode(ctx.queryParam("cursor"));
        List<PaperRecord> found = papers.visibleAfter(after, limit + 1);
        ArrayNode items = json.createArrayNode();
        found.stream().limit(limit).forEach(r -> items.add(hf.paper(r.paper(), r.entry())));
        if (found.size() > limit) {
            String next = Clients.siteBase(baseUrl, ctx) + "/api/papers?limit=" + limit + "&cursor="
                    + encode(found.get(limit - 1).paper().id());
            ctx.header("Link", "<" + next + ">; rel=\"next\"");
        }
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.header("Vary", "Host"); // the Link header is absolute
        ctx.contentType("application/json").result(items.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String encode(ArxivId last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_VERSION + last.value()).getBytes(StandardCharsets.UTF_8));
    }

    /** The id a cursor names, "" without one; a 400 for anything this API did not hand out. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return "";
        }
        if (cursor.length() <= MAX_CURSOR) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (text.startsWith(CURSOR_VERSION)) {
                    Optional<ArxivId> id = ArxivId.parse(text.substring(CURSOR_VERSION.length()));
                    if (id.isPresent() && id.get().value().equals(text.substring(CURSOR_VERSION.length()))) {
                        return id.get().value();
                    }
                }
            } catch (IllegalArgumentException e) {
                // not Base64url: reported below
            }
        }
        throw HttpProblem.badRequest("cursor must be one given in a previous page's Link header, not '"
                + PaperRoutes.shorten(cursor) + "'");
    }
}
