package org.dailypapers.web;

import org.dailypapers.syndication.FeedFormat;

/**
 * The three feeds of a list page, for {@code <link rel="alternate">} in its head and its "Feeds" menu: the
 * page's path plus {@code /rss}, {@code /atom} or {@code /feed.json}, and its query (a search's filters).
 *
 * @param title the list's name, which feed readers show when they offer the feeds
 */
public record FeedLinks(String title, String rss, String atom, String json) {

    /** The feeds of the page at {@code pagePath} ({@code /} gives {@code /rss}); {@code query} without "?", or empty. */
    public static FeedLinks of(String pagePath, String query, String title) {
        return new FeedLinks(title, href(pagePath, query, FeedFormat.RSS), href(pagePath, query, FeedFormat.ATOM),
                href(pagePath, query, FeedFormat.JSON));
    }

    public static FeedLinks of(String pagePath, String title) {
        return of(pagePath, "", title);
    }

    /** The feed of {@code format} for the page at {@code pagePath}. */
    static String href(String pagePath, String query, FeedFormat format) {
        String path = (pagePath.endsWith("/") ? pagePath : pagePath + "/") + format.suffix();
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }
}
