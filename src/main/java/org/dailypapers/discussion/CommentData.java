package org.dailypapers.discussion;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.account.PersonalData;
import org.jdbi.v3.core.Handle;

/**
 * The discussion's share of a person's data: the comments they wrote, the comments they upvoted, their
 * reply-mail setting. Erasing turns their comments into "deleted" ones (text and author removed, replies
 * kept) and takes back their comment upvotes, with every count lowered by exactly what it counted of theirs.
 */
final class CommentData implements PersonalData {
    private final CommentRepository repository;
    private final Clock clock;
    private final Runnable afterCountChange;

    CommentData(CommentRepository repository, Clock clock, Runnable afterCountChange) {
        this.repository = repository;
        this.clock = clock;
        this.afterCountChange = afterCountChange;
    }

    @Override
    public String section() {
        return "comments";
    }

    @Override
    public Object export(String accountId) {
        List<Map<String, Object>> comments = repository.byPerson(accountId).stream().map(r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.id());
            c.put("paper", r.arxivId());
            c.put("parentId", r.parentId());
            c.put("createdAt", r.createdAt().toString());
            c.put("editedAt", r.editedAt() == null ? null : r.editedAt().toString());
            c.put("deleted", r.deletedAt() != null);
            c.put("hiddenByModerator", r.hidden());
            c.put("upvotes", r.upvotes());
            c.put("markdown", r.body());
            return c;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("comments", comments);
        out.put("upvotedComments", repository.upvotedBy(accountId));
        out.put("replyMail", repository.replyMail(accountId));
        return out;
    }

    @Override
    public void erase(Handle handle, String accountId) {
        CommentRepository.erase(handle, accountId, clock.instant());
        // The counts change when the caller commits; cached pages may show the old ones until they expire or the
        // next change drops them (the feed cache's staleness bound).
        afterCountChange.run();
    }
}
