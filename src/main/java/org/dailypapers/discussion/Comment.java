package org.dailypapers.discussion;

import java.time.Instant;
import java.util.List;

/**
 * A comment as a reader sees it. A deleted or hidden comment carries no text ({@code markdown} and
 * {@code html} are null) unless the reader may see it anyway (its author, for a hidden one; an administrator).
 *
 * @param parentId the top-level comment this replies to; null for a top-level comment
 * @param authorHandle null when the author's account was erased
 * @param replies the replies of a top-level comment, oldest first (empty for a reply)
 */
public record Comment(String id, String arxivId, String parentId, String authorHandle, String authorName,
        Instant createdAt, Instant editedAt, boolean deleted, boolean hidden, int upvotes, String markdown, String html,
        List<Comment> replies) {

    public boolean edited() {
        return editedAt != null;
    }

    /** Whether the text is shown (false for deleted, and for hidden unless the reader may see it). */
    public boolean hasText() {
        return markdown != null;
    }

    Comment withReplies(List<Comment> replies) {
        return new Comment(id, arxivId, parentId, authorHandle, authorName, createdAt, editedAt, deleted, hidden, upvotes,
                markdown, html, replies);
    }
}
