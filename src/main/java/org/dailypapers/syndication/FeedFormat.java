package org.dailypapers.syndication;

/**
 * The three feed formats, each with the path suffix that asks for it ({@code /organizations/x/rss}) and its
 * media type. Writing is thread-safe.
 */
public enum FeedFormat {
    /** RSS 2.0, with Dublin Core creators. */
    RSS("rss", "application/rss+xml", "RSS"),
    /** Atom, RFC 4287. */
    ATOM("atom", "application/atom+xml", "Atom"),
    /** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
    JSON("feed.json", "application/feed+json", "JSON Feed");

    private final String suffix;
    private final String mediaType;
    private final String label;

    FeedFormat(String suffix, String mediaType, String label) {
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.label = label;
    }

    /** The last path segment of this format's feeds: {@code rss}, {@code atom}, {@code feed.json}. */
    public String suffix() {
        return suffix;
    }

    /** The media type for {@code Content-Type} (with {@code charset=utf-8}) and {@code <link rel="alternate" type>}. */
    public String mediaType() {
        return mediaType;
    }

    /** The name shown to people: "RSS", "Atom", "JSON Feed". */
    public String label() {
        return label;
    }

    /** The document in this format, UTF-8. */
    public byte[] write(FeedDocument feed) {
        return switch (this) {
            case RSS -> RssFeedWriter.write(feed);
            case ATOM -> AtomFeedWriter.write(feed);
            case JSON -> JsonFeedWriter.write(feed);
        };
    }
}
