package org.dailypapers.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * How a form page shows a refusal of its own post: the form again, with what the person typed and the
 * reason beside it, rather than a bare error page they have to go back from. A handler registers one before
 * calling the service that may refuse; {@link ErrorHandling} (still the one place that maps failures to
 * statuses) uses it for pages, never for htmx or JSON answers.
 */
@FunctionalInterface
interface InlineRefusal {
    String KEY = "dailypapers.inlineRefusal";

    /** Renders the form page with {@code message}; the status is already set. */
    void show(Context ctx, String message);

    static void register(Context ctx, InlineRefusal refusal) {
        ctx.attribute(KEY, refusal);
    }

    static Optional<InlineRefusal> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(KEY));
    }
}
