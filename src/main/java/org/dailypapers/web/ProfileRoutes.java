package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.Accounts;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.FeedRepository;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.submit.Submissions;
import org.dailypapers.vote.Upvotes;
import org.dailypapers.web.CommunityPages.ProfilePage;

/**
 * {@code /users/{handle}}: the papers a person submitted and upvoted here. A name that has no account here
 * but submitted papers on Hugging Face (imported feed entries) shows those.
 */
final class ProfileRoutes {
    static final int SHOWN = 200;

    private final Accounts accounts;
    private final Submissions submissions;
    private final Upvotes upvotes;
    private final PaperRepository papers;
    private final FeedRepository feed;
    private final Templates templates;

    ProfileRoutes(Accounts accounts, Submissions submissions, Upvotes upvotes, PaperRepository papers, FeedRepository feed,
            Templates templates) {
        this.accounts = accounts;
        this.submissions = submissions;
        this.upvotes = upvotes;
        this.papers = papers;
        this.feed = feed;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/users/{handle}", this::show);
    }

    private void show(Context ctx) {
        String handle = ctx.pathParam("handle");
        Optional<Account> account = accounts.byHandle(handle);
        ProfilePage page;
        if (account.isPresent()) {
            page = new ProfilePage(handle, account.get(), feedPapers(submissions.submittedBy(account.get(), SHOWN)),
                    feedPapers(upvotes.votedBy(account.get(), SHOWN)));
        } else {
            List<FeedPaper> imported = handle.length() > 100 ? List.of() : feed.submittedBy(handle, SHOWN);
            if (imported.isEmpty()) {
                throw HttpProblem.notFound("Nobody called '" + PaperRoutes.shorten(handle) + "' has submitted or upvoted papers here.");
            }
            page = new ProfilePage(handle, null, imported, List.of());
        }
        AccountRoutes.noStore(ctx);
        templates.page(ctx, "profile/profile.jte", page);
    }

    /** The papers among {@code ids} that are on the feed and not hidden by an administrator. */
    private List<FeedPaper> feedPapers(List<ArxivId> ids) {
        java.util.Set<String> hidden = papers.hiddenIds();
        return papers.findAll(ids).stream().filter(r -> r.entry() != null && !hidden.contains(r.paper().id().value())).map(r -> new FeedPaper(r.paper(), r.entry())).toList();
    }
}
