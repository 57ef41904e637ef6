package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.dailypapers.cite.BibTexWriter;
import org.dailypapers.cite.CitationKeys;
import org.dailypapers.cite.CslJsonWriter;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRepository;

/**
 * Citations of a paper, {@code /papers/{id}/cite.bib} (BibTeX) and {@code /papers/{id}/cite.json} (CSL-JSON),
 * downloaded as files; {@link CollectionRoutes} sends a collection's through the same two methods.
 */
final class CiteRoutes {
    static final String BIBTEX_TYPE = "application/x-bibtex; charset=utf-8";
    static final String CSL_JSON_TYPE = "application/vnd.citationstyles.csl+json; charset=utf-8";

    private final PaperRepository papers;
    private final ObjectMapper json;

    CiteRoutes(PaperRepository papers, ObjectMapper json) {
        this.papers = papers;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/papers/<id>/cite.bib", ctx -> {
            Paper p = PaperRoutes.find(papers, PaperRoutes.id(ctx).value()).paper();
            bibtex(ctx, List.of(p), CitationKeys.of(p));
        });
        routes.get("/papers/<id>/cite.json", ctx -> {
            Paper p = PaperRoutes.find(papers, PaperRoutes.id(ctx).value()).paper();
            cslJson(ctx, json, List.of(p), CitationKeys.of(p));
        });
    }

    static void bibtex(Context ctx, List<Paper> papers, String fileName) {
        download(ctx, BIBTEX_TYPE, fileName + ".bib").result(BibTexWriter.write(papers));
    }

    static void cslJson(Context ctx, ObjectMapper json, List<Paper> papers, String fileName) {
        try {
            download(ctx, CSL_JSON_TYPE, fileName + ".json")
                    .result(json.writerWithDefaultPrettyPrinter().writeValueAsString(CslJsonWriter.items(papers)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    private static Context download(Context ctx, String type, String fileName) {
        return ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /**
     * A file name made of {@code name}: ASCII letters, digits and dashes only (a header value cannot carry
     * quotes or line breaks from a collection's name); {@code fallback} when nothing is left.
     */
    static String fileName(String name, String fallback) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        ascii = ascii.length() > 60 ? ascii.substring(0, 60) : ascii;
        return ascii.isEmpty() ? fallback : ascii;
    }
}
