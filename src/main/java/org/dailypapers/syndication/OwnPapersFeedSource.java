package org.dailypapers.syndication;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dailypapers.account.Account;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.submit.Submissions;
import org.dailypapers.vote.Upvotes;

/**
 * The private feed of the papers a person upvoted or submitted here, most recent first (submissions, then
 * upvotes): a reading list that follows the person into a feed reader or a reference manager. Hidden
 * papers are left out, as on the person's page.
 */
public final class OwnPapersFeedSource implements PersonalFeedSource {
    /** The most papers of each kind: a feed reader keeps what it has already seen. */
    static final int LIMIT = 100;

    private final Upvotes upvotes;
    private final Submissions submissions;
    private final PaperRepository papers;

    public OwnPapersFeedSource(Upvotes upvotes, Submissions submissions, PaperRepository papers) {
        this.upvotes = upvotes;
        this.submissions = submissions;
        this.papers = papers;
    }

    @Override
    public PaperList papersFor(Account account) {
        Set<ArxivId> ids = new LinkedHashSet<>(submissions.submittedBy(account, LIMIT));
        ids.addAll(upvotes.votedBy(account, LIMIT));
        Set<String> hidden = papers.hiddenIds();
        List<FeedPaper> list = new ArrayList<>();
        papers.findAll(List.copyOf(ids)).stream()
                .filter(r -> r.entry() != null && !hidden.contains(r.paper().id().value()))
                .forEach(r -> list.add(new FeedPaper(r.paper(), r.entry())));
        return new PaperList("Daily Papers: papers " + account.name() + " upvoted or submitted",
                "Papers " + account.name() + " upvoted or submitted on Daily Papers, most recent first.",
                "/users/" + java.net.URLEncoder.encode(account.handle(), java.nio.charset.StandardCharsets.UTF_8), list);
    }

    @Override
    public String describe() {
        return "The papers you upvoted or submitted, most recent first: your reading list, in a feed reader or a reference manager.";
    }
}
