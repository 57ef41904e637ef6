package org.dailypapers.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;

/** Renders the precompiled jte templates (compiled at build time: nothing is compiled while serving). */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final java.util.function.Supplier<org.dailypapers.claims.ClaimedAuthors> claimed;

    Templates() {
        this(() -> org.dailypapers.claims.ClaimedAuthors.NONE);
    }

    /** @param claimed the accepted authorship claims of the moment, which author names link by ({@link AuthorLinks}) */
    Templates(java.util.function.Supplier<org.dailypapers.claims.ClaimedAuthors> claimed) {
        this.claimed = claimed;
    }

    void page(Context ctx, String template, Object model) {
        html(ctx, pageBytes(template, model));
    }

    /** Renders a page's template to UTF-8 bytes, ready to be cached and sent. */
    byte[] pageBytes(String template, Object model) {
        gg.jte.output.Utf8ByteOutput out = new gg.jte.output.Utf8ByteOutput();
        return AuthorLinks.during(claimed.get(), () -> {
            engine.render(template, java.util.Map.of("page", model), out);
            return out.toByteArray();
        });
    }

    /** Renders a fragment (no layout) for htmx. */
    void fragment(Context ctx, String template, Object model) {
        html(ctx, pageBytes(template, model));
    }

    static void html(Context ctx, byte[] body) {
        ctx.contentType("text/html; charset=utf-8").result(body);
    }
}
