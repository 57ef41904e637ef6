package org.dailypapers.web;

import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.dailypapers.discussion.MarkdownText;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;

/**
 * A paper as Markdown: what {@code huggingface_hub}'s {@code read_paper} fetches ({@code GET /papers/{id}.md}),
 * and what {@code /papers/{id}} answers to {@code Accept: text/markdown}. Title, authors, links (arXiv, PDF,
 * code, project page), the abstract, and a "Discussion" section written by a function given at construction.
 *
 * <p>Text from papers is escaped so that it stays text: a title cannot open a link or inject HTML into a
 * renderer that allows it. The abstract keeps its LaTeX (backslashes before letters are not Markdown escapes);
 * only what could start HTML ({@code <}, {@code >}, {@code &}) or a heading is escaped in it.
 */
final class PaperMarkdown {
    /** The discussion section until comments exist: the function {@link #PaperMarkdown} takes by default. */
    static final Function<ArxivId, String> NO_DISCUSSION = id -> "No comments yet.";

    /** The media type of the answer. */
    static final String CONTENT_TYPE = "text/markdown; charset=utf-8";

    private final Function<ArxivId, String> discussion;

    /**
     * @param discussion a paper's discussion as Markdown (without its heading), e.g. the discussion capability's
     *     rendering of the paper's comments; {@link #NO_DISCUSSION} until there is one
     */
    PaperMarkdown(Function<ArxivId, String> discussion) {
        this.discussion = discussion;
    }

    String render(PaperRecord record) {
        Paper p = record.paper();
        FeedEntry e = record.entry();
        String id = p.id().value();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(p.title())).append("\n\n");
        if (!p.authors().isEmpty()) {
            md.append("**Authors:** ").append(String.join(", ", p.authors().stream().map(PaperMarkdown::inline).toList())).append("\n\n");
        }
        md.append("**Published on arXiv:** ").append(p.publishedAt().atZone(ZoneOffset.UTC).toLocalDate());
        if (e != null) {
            md.append(" · **On the daily papers:** ").append(e.feedDay());
            if (e.submittedBy() != null) {
                md.append(" · **Submitted by:** ").append(inline(e.submittedBy()));
            }
            md.append(" · **Upvotes:** ").append(e.upvotes());
        }
        if (p.organization() != null) {
            md.append(" · **Organization:** ").append(inline(p.organization().fullname()));
        }
        md.append("\n\n## Links\n\n");
        link(md, "arXiv", "https://arxiv.org/abs/" + id);
        link(md, "PDF", "https://arxiv.org/pdf/" + id);
        if (p.githubRepo() != null) {
            link(md, p.githubStars() == null ? "Code" : "Code (" + p.githubStars() + " stars)", p.githubRepo());
        }
        if (p.projectPage() != null) {
            link(md, "Project page", p.projectPage());
        }
        md.append("\n## Abstract\n\n").append(block(p.summary())).append("\n\n");
        md.append("## Discussion\n\n").append(discussion.apply(p.id()).strip()).append('\n');
        return md.toString();
    }

    /**
     * Whether an {@code Accept} header prefers Markdown to HTML: {@code text/markdown} with a higher quality than
     * {@code text/html} (absent counts as 0). Browsers and {@code *}{@code /*} get HTML.
     */
    static boolean preferred(String accept) {
        if (accept == null) {
            return false;
        }
        return quality(accept, "text/markdown") > quality(accept, "text/html");
    }

    private static double quality(String accept, String type) {
        double best = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].strip().equalsIgnoreCase(type)) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0; // a malformed quality counts as not acceptable
                    }
                }
            }
            best = Math.max(best, q);
        }
        return best;
    }

    private static void link(StringBuilder md, String label, String url) {
        // <...> destinations may hold parentheses; what could end or break one is percent-encoded
        String safe = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20").replace("\n", "").replace("\r", "");
        md.append("- [").append(inline(label)).append("](<").append(safe).append(">)\n");
    }

    /** Text inside a line (title, names): every Markdown punctuation character is escaped, newlines become spaces. */
    static String inline(String text) {
        return MarkdownText.escaped(text.replaceAll("\\s+", " "));
    }

    /** Paragraphs (the abstract): HTML characters and line-leading block markers escaped, LaTeX kept. */
    static String block(String text) {
        List<String> lines = text.strip().lines().map(line -> {
            String escaped = line.replace("&", "\\&").replace("<", "\\<").replace(">", "\\>");
            String lead = escaped.stripLeading();
            return !lead.isEmpty() && "#-+*=|".indexOf(lead.charAt(0)) >= 0 ? "\\" + lead : escaped;
        }).toList();
        return String.join("\n", lines);
    }
}
