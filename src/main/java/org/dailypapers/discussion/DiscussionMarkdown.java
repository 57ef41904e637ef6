package org.dailypapers.discussion;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A discussion as Markdown, for readers of {@code /papers/{id}.md} (Hugging Face's {@code read_paper}): each
 * comment as a heading line with its author and time, its text quoted (so a comment's own headings stay
 * inside it), replies quoted one level deeper.
 */
final class DiscussionMarkdown {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private DiscussionMarkdown() {}

    static String of(List<Comment> threads) {
        StringBuilder md = new StringBuilder("## Discussion\n\n");
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
                .append("**").append(c.deleted() ? "[deleted]" : who.replace("*", "\\*")).append("** · ")
                .append(TIME.format(c.createdAt())).append(c.edited() ? " · edited" : "")
                .append(c.upvotes() > 0 && c.hasText() ? " · " + c.upvotes() + (c.upvotes() == 1 ? " upvote" : " upvotes") : "")
                .append("\n");
        String text = c.deleted() ? "[deleted]" : c.hasText() ? c.markdown() : "[hidden by a moderator]";
        for (String line : text.split("\n", -1)) {
            md.append(quote).append(line).append("\n");
        }
        md.append("\n");
    }
}
