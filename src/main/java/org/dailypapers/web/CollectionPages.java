package org.dailypapers.web;

import java.util.List;
import java.util.Map;
import org.dailypapers.collection.CollectionContents;
import org.dailypapers.collection.PaperCollection;
import org.dailypapers.paper.FeedPaper;

/** The view models of the collection screens. */
public final class CollectionPages {
    private CollectionPages() {}

    /**
     * {@code /collections/{id}}.
     *
     * @param csrf the owner's CSRF token; null for anyone else (who sees no controls)
     * @param done what the owner's last change did, announced at the top; null for none
     */
    public record CollectionPage(CollectionContents contents, String csrf, String done) {
        public boolean owner() {
            return csrf != null;
        }

        public PaperCollection collection() {
            return contents.collection();
        }

        public List<FeedPaper> papers() {
            return contents.items().stream().map(i -> new FeedPaper(i.record().paper(), i.record().entry())).toList();
        }
    }

    /**
     * {@code /collections}: the signed-in person's collections and the form that makes one.
     *
     * @param error why the last attempt to make one was refused, or null; {@code name}/{@code description} as typed
     */
    public record MyCollectionsPage(String handle, List<PaperCollection> collections, String csrf, String name,
            String description, String error) {}

    /**
     * The "save to collection" menu of one paper, for the signed-in person (null {@code csrf}: signed out).
     *
     * @param collections each of the person's collections, with whether it holds the paper
     * @param signInHref where signing in returns to this page
     * @param message what the last change did (announced), or null
     * @param focus the id of the collection whose box takes the focus (one just made), or null
     */
    public record SaveMenu(String arxivId, String csrf, Map<PaperCollection, Boolean> collections, String signInHref,
            String message, String focus) {}

    /** A person's collections on their profile: the public ones, and for the owner the private ones too. */
    public record UserCollections(String handle, List<PaperCollection> collections, boolean owner) {}
}
