package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of the API, a resource file written by hand
 * ({@code resources/api/openapi.json}) and kept true by {@code OpenApiDocumentTest}, which checks it against the
 * registered routes (every {@code /api/} route documented, nothing documented that is not served).
 */
final class OpenApiRoutes {
    static final String RESOURCE = "/api/openapi.json";

    private final byte[] document;

    OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/api/openapi.json", ctx -> ctx.header("Cache-Control", "public, max-age=3600")
                .contentType("application/json").result(document));
    }
}
