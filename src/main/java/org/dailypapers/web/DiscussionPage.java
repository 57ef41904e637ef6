package org.dailypapers.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.dailypapers.discussion.Comment;
import org.dailypapers.discussion.CommentSort;
import org.dailypapers.discussion.Discussion;

/**
 * A paper's discussion as one reader sees it: the htmx fragment under the paper page, or a page of its own
 * (without JavaScript). Personal (edit and delete buttons, the reader's upvotes, the CSRF token): never cached.
 *
 * @param title the paper's title (for the page of its own)
 * @param csrf null when signed out
 * @param draft what the reader typed into the form that was refused, or null
 * @param elsewhere comments the paper has on Hugging Face, counted on its cards, whose text is not here
 */
public record DiscussionPage(Discussion.Thread thread, String title, String csrf, boolean wholePage, Draft draft, String status,
        int elsewhere) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A refused form's text and reason; {@code form} is "new", "reply-{id}" or "edit-{id}". */
    public record Draft(String form, String text, String error) {}

    /** The reply-mail setting on /account (a fragment there, or a page of its own without JavaScript). */
    public record ReplyMailPage(boolean on, String csrf, String status, boolean wholePage) {}

    /** The page behind the mail's off link: one button, then "done". */
    public record MailOffPage(String token, String csrf, boolean done) {}

    /** Where the comments counted but not shown here are read: the paper on Hugging Face. */
    public String elsewhereUrl() {
        return "https://huggingface.co/papers/" + thread.arxivId();
    }

    public boolean signedIn() {
        return csrf != null;
    }

    public String path() {
        return "/papers/" + thread.arxivId() + "/discussion";
    }

    public String sortPath(CommentSort sort) {
        return path() + (sort == CommentSort.OLDEST ? "" : "?sort=" + sort.param());
    }

    public String signInPath() {
        return "/signin?next=" + java.net.URLEncoder.encode("/papers/" + thread.arxivId(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String when(Instant at) {
        return WHEN.format(at);
    }

    /** The draft's text for {@code form}, or empty. */
    public String text(String form) {
        return draft != null && draft.form().equals(form) ? draft.text() : "";
    }

    /** The refusal shown in {@code form}, or null. */
    public String error(String form) {
        return draft != null && draft.form().equals(form) ? draft.error() : null;
    }

    public int maxChars() {
        return Discussion.MAX_CHARS;
    }

    public long editMinutes() {
        return Discussion.EDIT_WINDOW.toMinutes();
    }

    public boolean upvoted(Comment c) {
        return thread.upvoted().contains(c.id());
    }
}
