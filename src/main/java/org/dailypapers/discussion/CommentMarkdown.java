package org.dailypapers.discussion;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Comment text (CommonMark) to HTML that is safe to put on a page. Three layers, each enough on its own for
 * script: CommonMark escapes raw HTML in the text and drops unsafe link schemes ({@code javascript:},
 * {@code data:} ...), then jsoup's allow-list keeps only plain formatting elements and http(s)/mailto links;
 * every link gets {@code rel="nofollow ugc noopener"}. Images are not allowed (the page loads nothing from other
 * hosts).
 *
 * <p>Math ({@code $...$}, {@code $$...$$}) is kept out of CommonMark's reach, which would read {@code _} and
 * {@code *} in a formula as emphasis and eat backslashes: each formula is swapped for a placeholder before
 * parsing and put back, HTML-escaped, afterwards, so that the page's KaTeX renders it as written. Dollars inside
 * code spans and fenced code stay code. Thread-safe.
 */
public final class CommentMarkdown {
    static final String LINK_REL = "nofollow ugc noopener";
    /** Code (fenced blocks, code spans) first so their dollars are skipped, then display and inline math. */
    private static final Pattern CODE_OR_MATH = Pattern.compile(
            "(?ms)^ {0,3}(```|~~~).*?(^ {0,3}\\1|\\z)|(`+).*?\\3|\\$\\$.+?\\$\\$|(?<![\\\\$])\\$(?![\\s$])[^$\\n]*?(?<![\\s\\\\])\\$");
    private static final String MARK = "\uE000MATH";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Safelist safelist = Safelist.basic()
            .addTags("h3", "h4", "h5", "h6", "hr", "del", "s")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", LINK_REL);

    /** The HTML of {@code markdown}: allow-listed elements only, math left as {@code $...$} text for KaTeX. */
    public String toHtml(String markdown) {
        List<String> formulas = new ArrayList<>();
        String text = protectMath(markdown.replace(MARK, ""), formulas);
        String html = renderer.render(parser.parse(text));
        for (int i = formulas.size() - 1; i >= 0; i--) {
            html = html.replace(MARK + i + "\uE001", Entities.escape(formulas.get(i)));
        }
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        Document dirty = Jsoup.parseBodyFragment(html, "");
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings(out);
        return clean.body().html();
    }

    private static String protectMath(String markdown, List<String> formulas) {
        Matcher m = CODE_OR_MATH.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            if (found.startsWith("$")) {
                m.appendReplacement(out, Matcher.quoteReplacement(MARK + formulas.size() + "\uE001"));
                formulas.add(found);
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(found));
            }
        }
        m.appendTail(out);
        return out.toString();
    }
}
