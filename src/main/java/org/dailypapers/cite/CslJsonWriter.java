package org.dailypapers.cite;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.Paper;

/**
 * Papers as CSL-JSON items, the format Zotero, Mendeley and citeproc read: an arXiv preprint is
 * {@code type: "article"} with {@code archive: "arXiv"}, its id as {@code number}, and arXiv's DataCite DOI
 * ({@code 10.48550/arXiv.<id>}), which Zotero uses to recognise the preprint. Text stays as the source gave
 * it (CSL-JSON is plain text, and the JSON writer escapes what it must). Pure and thread-safe.
 */
public final class CslJsonWriter {
    private CslJsonWriter() {}

    /** One item per paper, in order, as JSON-ready maps; {@code id} is the paper's {@link CitationKeys citation key}. */
    public static List<Map<String, Object>> items(List<Paper> papers) {
        List<String> keys = CitationKeys.of(papers);
        List<Map<String, Object>> items = new ArrayList<>(papers.size());
        for (int i = 0; i < papers.size(); i++) {
            items.add(item(keys.get(i), papers.get(i)));
        }
        return items;
    }

    private static Map<String, Object> item(String key, Paper p) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", key);
        item.put("type", "article");
        item.put("title", p.title().strip().replaceAll("\\s+", " "));
        item.put("author", p.authors().stream().map(CslJsonWriter::name).toList());
        ZonedDateTime issued = p.publishedAt().atZone(ZoneOffset.UTC);
        item.put("issued", Map.of("date-parts", List.of(List.of(issued.getYear(), issued.getMonthValue(), issued.getDayOfMonth()))));
        item.put("abstract", p.summary().strip());
        item.put("publisher", "arXiv");
        item.put("archive", "arXiv");
        item.put("number", p.id().value());
        item.put("DOI", "10.48550/arXiv." + p.id().value());
        item.put("URL", p.id().absUrl());
        if (!p.categories().isEmpty()) {
            item.put("keyword", String.join(", ", p.categories()));
        }
        return item;
    }

    private static Map<String, String> name(String raw) {
        AuthorName name = AuthorName.parse(raw);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("family", name.family());
        if (!name.given().isEmpty()) {
            out.put("given", name.given());
        }
        if (!name.suffix().isEmpty()) {
            out.put("suffix", name.suffix());
        }
        return out;
    }
}
