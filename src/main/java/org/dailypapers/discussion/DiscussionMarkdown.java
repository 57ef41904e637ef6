package org.dailypapers.discussion;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A discussion as Markdown, for readers of {@code /papers/{id}.md} (Hugging Face's {@code read_paper}), without
 * its heading (the page writes "## Discussion"): each comment as a line with its author and time, its text
 * quoted (so a comment's own headings stay inside it), replies quoted one level deeper. Whoever renders this
 * Markdown must get no raw HTML from it, as the HTML page gets none: names are escaped, and a comment's
 * {@code <} that could open a tag is written as {@code &lt;} outside code.
 */
final class DiscussionMarkdown {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private DiscussionMarkdown() {}

    static String of(List<Comment> threads) {
        StringBuilder md = new StringBuilder();
        if (threads.isEmpty()) {
            return md.append("No comments yet.\n").toString();
        }
        for (Comment top : threads) {
            append(md, top, "> ");
            for (Comment reply : top.replies()) {
                append(md, reply, "> > ");
            }
        }
        return md.toString();
    }

    private static void append(StringBuilder md, Comment c, String quote) {
        String who = c.authorHandle() == null ? "(deleted account)" : c.authorName() + " (@" + c.authorHandle() + ")";
        md.append(quote, 0, quote.length() - 2)
                .append("**").append(c.deleted() ? "[deleted]" : MarkdownText.escaped(who)).append("** · ")
                .append(TIME.format(c.createdAt())).append(c.edited() ? " · edited" : "")
                .append(c.upvotes() > 0 && c.hasText() ? " · " + c.upvotes() + (c.upvotes() == 1 ? " upvote" : " upvotes") : "")
                .append("\n");
        String text = c.deleted() ? "[deleted]" : c.hasText() ? withoutRawHtml(c.markdown()) : "[hidden by a moderator]";
        for (String line : text.split("\n", -1)) {
            md.append(quote).append(line).append("\n");
        }
        md.append("\n");
    }

    private static final java.util.regex.Pattern AUTOLINK = java.util.regex.Pattern.compile("<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>]*>");

    /**
     * A comment's Markdown with each {@code <} that could open raw HTML (before a letter, {@code /}, {@code !} or
     * {@code ?}) written as {@code &lt;}, except in code (fenced blocks and backtick spans, where it is shown as
     * typed) and in autolinks such as {@code <https://arxiv.org>}.
     */
    static String withoutRawHtml(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 16);
        boolean fenced = false;
        String[] lines = markdown.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            String lead = line.stripLeading();
            if (lead.startsWith("```") || lead.startsWith("~~~")) {
                fenced = !fenced;
                out.append(line);
            } else if (fenced) {
                out.append(line);
            } else {
                inline(line, out);
            }
            if (l < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void inline(String line, StringBuilder out) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '`') {
                int run = i;
                while (run < line.length() && line.charAt(run) == '`') {
                    run++;
                }
                String ticks = line.substring(i, run);
                int close = line.indexOf(ticks, run);
                int end = close < 0 ? run : close + ticks.length();
                out.append(line, i, end); // a code span as typed, or a lone run of backticks
                i = end;
                continue;
            }
            if (c == '<') {
                java.util.regex.Matcher link = AUTOLINK.matcher(line).region(i, line.length());
                if (link.lookingAt()) {
                    out.append(link.group());
                    i = link.end();
                    continue;
                }
                char next = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
                if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') {
                    out.append("&lt;");
                    i++;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
    }
}
