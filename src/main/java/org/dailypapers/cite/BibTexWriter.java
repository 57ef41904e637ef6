package org.dailypapers.cite;

import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.dailypapers.paper.Paper;

/**
 * Papers as BibTeX entries in the {@code @misc} form arXiv itself gives ({@code eprint}, {@code archivePrefix},
 * {@code primaryClass}, {@code url}). Titles and names are raw source text, sometimes with LaTeX in them:
 * well-formed math ({@code $O(n^2)$}) and commands ({@code Schr\"odinger}) are kept, and everything else that
 * means something to TeX or BibTeX ({@code & % # _ ~ ^}, braces that do not pair up, a lone backslash) is
 * escaped, so every entry parses and typesets what the title says. Other Unicode stays as it is (biber and
 * modern BibTeX read UTF-8). Pure and thread-safe.
 */
public final class BibTexWriter {
    private static final Pattern AND = Pattern.compile("(?i)(^|\\s)and(\\s|$)");

    private BibTexWriter() {}

    /** The entries of {@code papers}, in order, with keys from {@link CitationKeys}. */
    public static String write(List<Paper> papers) {
        List<String> keys = CitationKeys.of(papers);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < papers.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            entry(out, keys.get(i), papers.get(i));
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, String key, Paper p) {
        out.append("@misc{").append(key).append(",\n");
        field(out, "title", TexText.escape(oneLine(p.title()), true));
        if (!p.authors().isEmpty()) {
            field(out, "author", String.join(" and ", p.authors().stream().map(BibTexWriter::name).toList()));
        }
        field(out, "year", Integer.toString(p.publishedAt().atZone(ZoneOffset.UTC).getYear()));
        field(out, "eprint", p.id().value());
        field(out, "archivePrefix", "arXiv");
        if (!p.categories().isEmpty()) {
            field(out, "primaryClass", TexText.escape(p.categories().getFirst(), false));
        }
        out.append("  url={").append(p.id().absUrl()).append("}\n}\n");
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append("={").append(value).append("},\n");
    }

    /**
     * "Family, Given", escaped; a name with the word "and" in it (an organisation) stays as written, in braces,
     * so that BibTeX takes it as one name rather than splitting it into two people.
     */
    private static String name(String raw) {
        String name = oneLine(raw);
        return AND.matcher(name).find() ? "{" + TexText.escape(name, false) + "}" : TexText.escape(AuthorName.parse(name).inverted(), false);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("[\\s\\p{Cntrl}]+", " ");
    }
}
