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
    /** Papers of each list on one page (someone on Hugging Face put over a thousand papers on the feed). */
    static final int PAGE_SIZE = 50;
    /** More pages than anyone needs: an upper bound for the page parameter. */
    private static final int MAX_PAGE = 10_000;

    private final Accounts accounts;
    private final Submissions submissions;
    private final Upvotes upvotes;
    private final PaperRepository papers;
    private final FeedRepository feed;
    private final Templates templates;
    private final org.dailypapers.claims.Claims claims;

    ProfileRoutes(Accounts accounts, Submissions submissions, Upvotes upvotes, PaperRepository papers, FeedRepository feed,
            Templates templates, org.dailypapers.claims.Claims claims) {
        this.claims = claims;
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
        int number = ApiRoutes.intParam(ctx, "page", 1, 1, MAX_PAGE);
        int offset = (number - 1) * PAGE_SIZE;
        Optional<Account> account = accounts.byHandle(handle);
        ProfilePage page;
        if (account.isPresent()) {
            // ids only, every one (a person submits at most a few a day): the page's slice is then loaded
            List<ArxivId> submitted = submissions.submittedBy(account.get(), Integer.MAX_VALUE);
            List<ArxivId> upvoted = upvotes.votedBy(account.get(), Integer.MAX_VALUE);
            List<ArxivId> claimed = claims.papersOf(account.get());
            page = new ProfilePage(handle, account.get(), feedPapers(slice(submitted, offset)), submitted.size(),
                    feedPapers(slice(upvoted, offset)), upvoted.size(), number,
                    pages(Math.max(claimed.size(), Math.max(submitted.size(), upvoted.size()))),
                    shownPapers(slice(claimed, offset)), claimed.size());
        } else {
            int total = handle.length() > 100 ? 0 : feed.countSubmittedBy(handle);
            if (total == 0) {
                throw HttpProblem.notFound("Nobody called '" + PaperRoutes.shorten(handle) + "' has submitted or upvoted papers here.");
            }
            page = new ProfilePage(handle, null, feed.submittedBy(handle, offset, PAGE_SIZE), total, List.of(), 0,
                    number, pages(total), List.of(), 0);
        }
        if (number > page.pages()) {
            throw HttpProblem.notFound(page.handle() + "'s papers fill " + Views.count(page.pages(), "page") + ", not " + number);
        }
        AccountRoutes.noStore(ctx);
        templates.page(ctx, "profile/profile.jte", page);
    }

    private static int pages(int papers) {
        return Math.max(1, (papers + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static <T> List<T> slice(List<T> all, int offset) {
        return offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + PAGE_SIZE));
    }

    /** The papers among {@code ids} not hidden by an administrator, on the feed or not (an author's older papers). */
    private List<FeedPaper> shownPapers(List<ArxivId> ids) {
        java.util.Set<String> hidden = papers.hiddenIds();
        return papers.findAll(ids).stream().filter(r -> !hidden.contains(r.paper().id().value()))
                .map(r -> new FeedPaper(r.paper(), r.entry())).toList();
    }

    /** The papers among {@code ids} that are on the feed and not hidden by an administrator. */
    private List<FeedPaper> feedPapers(List<ArxivId> ids) {
        java.util.Set<String> hidden = papers.hiddenIds();
        return papers.findAll(ids).stream().filter(r -> r.entry() != null && !hidden.contains(r.paper().id().value())).map(r -> new FeedPaper(r.paper(), r.entry())).toList();
    }
}
