package org.dailypapers.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.dailypapers.feed.FeedService;

/**
 * Rendered pages (feed, paper) and API bodies, reused while the feed has not changed: rendering (and, for a
 * paper, finding its similar papers) dominates the cost of a request once its data is cached. Keyed by the feed's generation and the full request URL, so a
 * write makes every older entry unreachable; entries also expire like the feed's own cache. Thread-safe.
 */
final class RenderedPages {
    /** {@code variant}: what else the page shows that is not in the feed or the URL (e.g. {@link Freshness}); may be null. */
    private record Key(long generation, String url, Object variant) {}

    private final FeedService feed;
    private final Cache<Key, byte[]> cache;

    RenderedPages(FeedService feed) {
        this.feed = feed;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(64L << 20)
                .weigher((Key k, byte[] body) -> body.length + 100)
                .expireAfterWrite(feed.maxStaleness())
                .build();
    }

    /** The body for this request, rendered by {@code render} only when not cached. */
    byte[] get(Context ctx, Supplier<byte[]> render) {
        return get(ctx, null, render);
    }

    /**
     * As {@link #get(Context, Supplier)} for a page that also shows {@code variant}, a value whose equality says
     * whether two renderings are the same (the day "today" is, how the last harvest went): a new value is
     * rendered anew, at once, rather than when the entry expires.
     */
    byte[] get(Context ctx, Object variant, Supplier<byte[]> render) {
        String query = ctx.queryString();
        Key key = new Key(feed.generation(), query == null ? ctx.path() : ctx.path() + "?" + query, variant);
        return cache.get(key, k -> render.get());
    }
}
