package org.dailypapers.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the precompiled jte templates (compiled at build time: nothing is compiled while serving). */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, String param, Object model) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, java.util.Map.of(param, model), out);
        return out.toString();
    }

    void page(Context ctx, String template, Object model) {
        ctx.html(render(template, "page", model));
    }
}
