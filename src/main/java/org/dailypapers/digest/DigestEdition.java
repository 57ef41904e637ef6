package org.dailypapers.digest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dailypapers.digest.DigestView.Item;
import org.dailypapers.digest.DigestView.Section;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.Paper;

/**
 * What every subscriber of one period's digest shares: the top papers, and the matches of each topic (looked
 * up once per distinct topic, since many subscribers share topics); plus, per subscriber who asked for it,
 * their {@link PersonalSection}. Made by {@link DigestBuilder}; turns a
 * subscription into its {@link DigestView}. Thread-safe; memory is bounded whatever the subscriber count.
 */
public final class DigestEdition {
    private static final int EXCERPT = 260;
    private static final int AUTHORS_SHOWN = 3;

    private final DigestPeriod kind;
    private final FeedPeriod period;
    private final List<Item> top;
    private final URI base;
    private final Function<String, List<FeedPaper>> topicSearch;
    private final PersonalSection personal;
    private final Cache<String, List<Item>> topicItems = Caffeine.newBuilder().maximumSize(5_000).build();

    DigestEdition(DigestPeriod kind, FeedPeriod period, List<FeedPaper> top, URI base,
            Function<String, List<FeedPaper>> topicSearch, PersonalSection personal) {
        this.kind = kind;
        this.personal = personal;
        this.period = period;
        this.base = base;
        this.topicSearch = topicSearch;
        this.top = items(top);
    }

    public DigestPeriod kind() {
        return kind;
    }

    public FeedPeriod period() {
        return period;
    }

    /** No papers in the period: nothing is sent rather than an empty mail. */
    public boolean isEmpty() {
        return top.isEmpty();
    }

    /** The subscriber's digest, with its signed links. */
    public DigestView viewFor(EmailAddress address, Topics topics, DigestTokens tokens) {
        List<Section> sections = new ArrayList<>();
        for (String topic : topics.queries()) {
            List<Item> found = topicItems.get(topic, q -> items(topicSearch.apply(q)));
            if (!found.isEmpty()) {
                sections.add(new Section(topic, link("/search?q=" + encode(topic) + "&from=" + period.first()
                        + "&to=" + period.last()), found));
            }
        }
        Optional<DigestView.ForYou> forYou = personal.of(address, period).map(part -> new DigestView.ForYou(
                link(part.path()), personalItems(part.papers()), part.personal()));
        return new DigestView(kind.id(), period.title(), link(period.path()), top, sections, forYou, address.value(),
                link("/digest/manage?token=" + tokens.issue(DigestTokens.Purpose.MANAGE, address)),
                unsubscribeUrl(base, address, tokens));
    }

    /** The one-click unsubscribe URL of an address (RFC 8058). */
    static String unsubscribeUrl(URI base, EmailAddress address, DigestTokens tokens) {
        return base + "/digest/unsubscribe?token=" + tokens.issue(DigestTokens.Purpose.UNSUBSCRIBE, address);
    }

    private List<Item> items(List<FeedPaper> papers) {
        List<Item> items = new ArrayList<>(papers.size());
        for (FeedPaper fp : papers) {
            items.add(item(items.size() + 1, fp, ""));
        }
        return List.copyOf(items);
    }

    private List<Item> personalItems(List<PersonalSection.Pick> picks) {
        List<Item> items = new ArrayList<>(picks.size());
        for (PersonalSection.Pick pick : picks) {
            items.add(item(items.size() + 1, pick.paper(), oneLine(pick.why())));
        }
        return List.copyOf(items);
    }

    private Item item(int rank, FeedPaper fp, String why) {
        Paper p = fp.paper();
        return new Item(rank, oneLine(p.title()), authors(p.authors()), excerpt(oneLine(p.summary())),
                fp.entry() == null ? 0 : fp.entry().upvotes(), link("/papers/" + p.id().value()), why);
    }

    private String link(String path) {
        return base + path;
    }

    private static String authors(List<String> authors) {
        if (authors.size() <= AUTHORS_SHOWN) {
            return String.join(", ", authors);
        }
        return String.join(", ", authors.subList(0, AUTHORS_SHOWN)) + " et al.";
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String excerpt(String text) {
        if (text.length() <= EXCERPT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT);
        return text.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT).stripTrailing() + " …";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
