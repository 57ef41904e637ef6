package org.dailypapers.discussion;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dailypapers.account.Account;
import org.dailypapers.account.PersonalData;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Refused.Reason;
import org.dailypapers.account.Tokens;
import org.dailypapers.curation.Action;
import org.dailypapers.curation.Curation;
import org.dailypapers.discussion.CommentRepository.Row;
import org.dailypapers.mail.Mailer;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.store.Database;

/**
 * The discussion of each paper on the feed: comments in CommonMark (with math), one level of replies, one
 * upvote per person per comment, editing within {@link #EDIT_WINDOW}, deleting one's own, hiding by
 * administrators (logged in the curation audit log), a per-person rate limit kept in the database (so it
 * holds across server processes) and a size cap. Thread-safe.
 *
 * <p>{@code afterCountChange} runs after every change of a paper's shown comment count (the web layer drops
 * its cached feed pages, as after a vote).
 */
public final class Discussion {
    public static final int MAX_CHARS = 10_000;
    public static final int RATE_LIMIT = 10;
    public static final Duration RATE_WINDOW = Duration.ofMinutes(10);
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    public static final int MAX_REASON = Curation.MAX_REASON;
    private static final Pattern COMMENT_ID = Pattern.compile("[0-9a-f]{24}");

    private final CommentRepository repository;
    private final Curation curation;
    private final Clock clock;
    private final Runnable afterCountChange;
    private final CommentMarkdown markdown = new CommentMarkdown();
    private final ReplyMails replyMails;
    private final SecureRandom random = new SecureRandom();

    public Discussion(Database database, Curation curation, Mailer mailer, URI baseUrl, Clock clock, Runnable afterCountChange) {
        this.repository = new CommentRepository(database);
        this.curation = curation;
        this.clock = clock;
        this.afterCountChange = afterCountChange;
        this.replyMails = new ReplyMails(repository, mailer, baseUrl, clock);
    }

    /**
     * Posts a comment on the paper, or a reply to its top-level comment {@code parentId} (null for none). A reply
     * mails those who asked for it, after the answer (see {@link ReplyMails}).
     *
     * @return the new comment's id
     * @throws Refused INVALID for empty or over-long text or a reply to a reply, NOT_FOUND when the paper is not
     *     on the feed or the parent is gone, TOO_MANY past the rate limit
     */
    public String post(Account author, ArxivId paper, String parentId, String text) {
        String body = validText(text);
        String id = HexFormat.of().formatHex(randomBytes(12));
        Instant now = clock.instant();
        Row parent = repository.inTransaction(h -> {
            CommentRepository.Window window = CommentRepository.lockPoster(h, author.id(), Tokens.random(), now, now.minus(RATE_WINDOW));
            if (window.count() >= RATE_LIMIT) {
                long minutes = Math.max(1, Duration.between(now, window.oldest().plus(RATE_WINDOW)).toSeconds() / 60 + 1);
                throw new Refused(Reason.TOO_MANY, "You posted " + RATE_LIMIT + " comments in the last "
                        + RATE_WINDOW.toMinutes() + " minutes, the most we take. Please wait about " + minutes
                        + (minutes == 1 ? " minute" : " minutes") + " and post again (your text is kept below).");
            }
            Row top = null;
            if (parentId != null) {
                top = CommentRepository.find(h, parentId).filter(p -> p.arxivId().equals(paper.value()) && p.live())
                        .orElseThrow(() -> new Refused(Reason.NOT_FOUND, "The comment you reply to is not on this paper's discussion (any more)."));
                if (top.parentId() != null) {
                    throw new Refused(Reason.INVALID, "Replies go one level deep: reply to the comment at the top of the thread instead.");
                }
            }
            if (!CommentRepository.countOn(h, paper.value(), 1, true)) {
                throw new Refused(Reason.NOT_FOUND, "Paper " + paper + " is not on the feed, so it has no discussion. Submit it first.");
            }
            CommentRepository.insert(h, id, paper.value(), parentId, author.id(), body, now);
            return top;
        });
        afterCountChange.run();
        if (parent != null) {
            java.lang.Thread.ofVirtual().name("reply-mail-" + id).start(() -> replyMails.send(id, author, parent, body));
        }
        return id;
    }

    /**
     * Changes the text of one's own comment within {@link #EDIT_WINDOW} of posting; it then says "edited".
     *
     * @throws Refused NOT_FOUND for an unknown or deleted comment, FORBIDDEN for another person's, a hidden one
     *     or after the window, INVALID for empty or over-long text
     */
    public void edit(Account author, String commentId, String text) {
        String body = validText(text);
        Instant now = clock.instant();
        boolean edited = repository.inTransaction(h -> CommentRepository.edit(h, commentId, author.id(), body, now, now.minus(EDIT_WINDOW)));
        if (!edited) {
            Row row = own(author, commentId);
            throw new Refused(Reason.FORBIDDEN, row.hidden()
                    ? "A moderator hid this comment, so it cannot be edited."
                    : "Comments can be edited within " + EDIT_WINDOW.toMinutes() + " minutes of posting; this one is older.");
        }
    }

    /**
     * Deletes one's own comment: its text goes; with replies it stays as "deleted" above them.
     *
     * @throws Refused NOT_FOUND for an unknown or already deleted comment, FORBIDDEN for another person's
     */
    public void delete(Account author, String commentId) {
        Instant now = clock.instant();
        Optional<Row> deleted = repository.inTransaction(h -> {
            if (!CommentRepository.delete(h, commentId, author.id(), now)) {
                return Optional.empty();
            }
            Row row = CommentRepository.find(h, commentId).orElseThrow();
            if (!row.hidden()) {
                CommentRepository.countOn(h, row.arxivId(), -1, false);
            }
            return Optional.of(row);
        });
        if (deleted.isEmpty()) {
            own(author, commentId); // says why: unknown, already deleted or another person's
            throw new Refused(Reason.NOT_FOUND, "This comment was already deleted.");
        }
        if (!deleted.get().hidden()) {
            afterCountChange.run();
        }
    }

    /** The comment, when it exists, is not deleted and belongs to {@code author}; else the refusal to give. */
    private Row own(Account author, String commentId) {
        Row row = repository.find(checkedId(commentId)).filter(r -> r.deletedAt() == null)
                .orElseThrow(() -> new Refused(Reason.NOT_FOUND, "There is no comment " + commentId + " (it may have been deleted)."));
        if (!author.id().equals(row.accountId())) {
            throw new Refused(Reason.FORBIDDEN, "This is another person's comment: only its author can change it.");
        }
        return row;
    }

    /**
     * Sets the person's upvote on a comment ({@code up}) or takes it back. Idempotent.
     *
     * @throws Refused NOT_FOUND when the comment is unknown, deleted or hidden
     */
    public Tally upvote(Account voter, String commentId, boolean up) {
        String id = checkedId(commentId);
        Instant now = clock.instant();
        java.util.function.Supplier<Optional<Integer>> apply = () -> up ? repository.upvote(id, voter.id(), now) : repository.unvote(id, voter.id());
        Optional<Integer> count;
        try {
            count = apply.get();
        } catch (RuntimeException e) {
            // Two upvotes by one person at once on PostgreSQL: the primary key refused the second, which rolled
            // back whole; applying it again finds the first. A real failure fails again and propagates.
            count = apply.get();
        }
        return new Tally(id, count.orElseThrow(() -> new Refused(Reason.NOT_FOUND,
                "This comment cannot be upvoted: it was deleted or hidden.")), up);
    }

    /**
     * Hides a comment from everyone but its author and administrators ({@code hide}), or shows it again; the
     * action goes into the curation audit log in the same transaction.
     *
     * @throws Refused FORBIDDEN for a non-administrator, NOT_FOUND when there is nothing to change, INVALID for an
     *     over-long reason
     */
    public void moderate(Account admin, String commentId, boolean hide, String reason) {
        if (!curation.isAdmin(admin)) {
            throw new Refused(Reason.FORBIDDEN, "Only administrators can hide comments.");
        }
        String id = checkedId(commentId);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw new Refused(Reason.INVALID, "Reason: at most " + MAX_REASON + " characters (got " + why.length() + ").");
        }
        boolean changed = repository.inTransaction(h -> {
            if (!CommentRepository.setHidden(h, id, hide)) {
                return false;
            }
            Row row = CommentRepository.find(h, id).orElseThrow();
            CommentRepository.countOn(h, row.arxivId(), hide ? -1 : 1, false);
            curation.audit().append(h, admin.email().value(), hide ? Action.HIDE_COMMENT : Action.SHOW_COMMENT, row.arxivId(),
                    "comment " + id + (why == null ? "" : ": " + why));
            return true;
        });
        if (!changed) {
            throw new Refused(Reason.NOT_FOUND, "There is no comment " + id + " that is " + (hide ? "shown" : "hidden") + " now.");
        }
        afterCountChange.run();
    }

    /**
     * The paper's discussion as {@code viewer} (empty: signed out) sees it: top-level comments in {@code sort}
     * order, each with its replies oldest first. Deleted comments without replies are left out; the text of
     * deleted comments, and of hidden ones except for their author and administrators, is left out.
     */
    public Thread thread(ArxivId paper, CommentSort sort, Optional<Account> viewer) {
        boolean admin = viewer.map(curation::isAdmin).orElse(false);
        String viewerId = viewer.map(Account::id).orElse(null);
        Map<String, List<Comment>> replies = new LinkedHashMap<>();
        List<Comment> tops = new ArrayList<>();
        int shown = 0;
        for (Row row : repository.onPaper(paper.value())) {
            Comment c = view(row, admin || (row.accountId() != null && row.accountId().equals(viewerId)));
            if (row.parentId() == null) {
                tops.add(c);
            } else {
                replies.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(c);
            }
            shown += row.live() ? 1 : 0;
        }
        List<Comment> threads = new ArrayList<>();
        for (Comment top : tops) {
            List<Comment> mine = replies.getOrDefault(top.id(), List.of()).stream()
                    .filter(r -> !r.deleted()).toList();
            if (!top.deleted() || !mine.isEmpty()) {
                threads.add(top.withReplies(mine));
            }
        }
        if (sort == CommentSort.TOP) {
            threads.sort(Comparator.comparingInt(Comment::upvotes).reversed()); // stable: ties stay oldest first
        }
        Set<String> upvoted = viewer.map(v -> repository.upvotedOn(paper.value(), v.id())).orElse(Set.of());
        return new Thread(paper.value(), threads, shown, sort, upvoted, admin, viewer.map(Account::handle).orElse(null), clock.instant());
    }

    private Comment view(Row row, boolean mayRead) {
        boolean readable = row.deletedAt() == null && (!row.hidden() || mayRead);
        return new Comment(row.id(), row.arxivId(), row.parentId(), row.handle(), row.displayName() != null ? row.displayName() : row.handle(),
                row.createdAt(), row.editedAt(), row.deletedAt() != null, row.hidden(), row.upvotes(),
                readable ? row.body() : null, readable ? markdown.toHtml(row.body()) : null, List.of());
    }

    /** The paper's discussion as public Markdown (for {@code GET /papers/{id}.md}): what a signed-out reader sees. */
    public String markdownOf(ArxivId paper) {
        return DiscussionMarkdown.of(thread(paper, CommentSort.OLDEST, Optional.empty()).comments());
    }

    /** The comment, as a signed-out reader sees it. */
    public Optional<Comment> comment(String commentId) {
        return COMMENT_ID.matcher(commentId).matches()
                ? repository.find(commentId).map(r -> view(r, false)) : Optional.empty();
    }

    /** Whether the person asked for a mail when someone replies in their threads or on papers they submitted. */
    public boolean replyMail(Account person) {
        return repository.replyMail(person.id());
    }

    public void setReplyMail(Account person, boolean on) {
        repository.setReplyMail(person.id(), on, Tokens.random());
    }

    /**
     * Turns reply mail off for whoever the mailed link's token belongs to.
     *
     * @throws Refused INVALID for an unknown token
     */
    public void mailOff(String token) {
        if (token == null || token.length() > 100 || !repository.mailOff(token)) {
            throw new Refused(Reason.INVALID, "This link is not valid: it may be incomplete (check that the whole link was copied).");
        }
    }

    /** The comments, comment upvotes and mail setting a person made, for the account's export and erasure. */
    public PersonalData personalData() {
        return new CommentData(repository, clock, afterCountChange);
    }

    /** The local comment count of the paper and the rows it counts (for checks: they must be equal). */
    public int[] localCount(ArxivId paper) {
        return new int[] {repository.localCount(paper.value()), repository.liveRows(paper.value())};
    }

    private static String validText(String text) {
        String body = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (body.isEmpty()) {
            throw new Refused(Reason.INVALID, "A comment cannot be empty.");
        }
        if (body.length() > MAX_CHARS) {
            throw new Refused(Reason.INVALID, "A comment has at most " + String.format("%,d", MAX_CHARS) + " characters; yours has "
                    + String.format("%,d", body.length()) + ". Please shorten it.");
        }
        return body;
    }

    private static String checkedId(String commentId) {
        if (commentId == null || !COMMENT_ID.matcher(commentId).matches()) {
            throw new Refused(Reason.NOT_FOUND, "There is no comment '" + (commentId == null ? "" : commentId.length() > 30
                    ? commentId.substring(0, 30) + "…" : commentId) + "'.");
        }
        return commentId;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A comment's upvote count after a vote, and whether the voter's upvote is now on it. */
    public record Tally(String commentId, int count, boolean voted) {}

    /**
     * A discussion as one reader sees it.
     *
     * @param count the paper's live local comments (neither deleted nor hidden)
     * @param upvoted the ids of the comments the reader upvoted
     * @param viewerHandle null when signed out
     */
    public record Thread(String arxivId, List<Comment> comments, int count, CommentSort sort, Set<String> upvoted,
            boolean admin, String viewerHandle, Instant now) {
        /** Whether the reader wrote this comment. */
        public boolean mine(Comment c) {
            return viewerHandle != null && viewerHandle.equals(c.authorHandle());
        }

        /** Whether the reader may still edit this comment. */
        public boolean editable(Comment c) {
            return mine(c) && !c.deleted() && !c.hidden() && c.createdAt().plus(EDIT_WINDOW).isAfter(now);
        }
    }
}
