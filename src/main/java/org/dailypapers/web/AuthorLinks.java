package org.dailypapers.web;

import java.util.function.Supplier;
import org.dailypapers.claims.ClaimedAuthors;

/**
 * Where a listed author name links, for the templates: to the profile of the person whose claim to it was
 * accepted, else to the author page. Cards and paper pages are included from many templates, so rather than
 * thread the claims through every page model, {@link Templates} makes the accepted claims of the moment
 * available for the duration of one render (on the rendering thread). The pages stay the same for everyone:
 * claims are public, and a change of them drops the shared page cache ({@link RenderedPages}).
 */
public final class AuthorLinks {
    private static final ThreadLocal<ClaimedAuthors> RENDERING = ThreadLocal.withInitial(() -> ClaimedAuthors.NONE);

    private AuthorLinks() {}

    static <T> T during(ClaimedAuthors claims, Supplier<T> render) {
        ClaimedAuthors before = RENDERING.get();
        RENDERING.set(claims);
        try {
            return render.get();
        } finally {
            RENDERING.set(before);
        }
    }

    /** The handle of whoever claimed {@code author} on the paper, or null. */
    public static String claimedBy(String arxivId, String author) {
        return RENDERING.get().handle(arxivId, author).orElse(null);
    }

    /** The handles of everyone whose claim to {@code author} (on any paper) was accepted, sorted. */
    public static java.util.List<String> handlesOf(String author) {
        return RENDERING.get().handlesOf(author);
    }

    /** The profile of whoever claimed {@code author} on the paper, else the author page of the name. */
    public static String href(String arxivId, String author) {
        String handle = claimedBy(arxivId, author);
        return handle != null ? Views.userPath(handle) : Views.authorPath(author);
    }
}
