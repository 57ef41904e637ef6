package org.dailypapers.collection;

import java.util.List;
import org.dailypapers.paper.Paper;

/** A collection and its papers, in order. */
public record CollectionContents(PaperCollection collection, List<CollectionItem> items) {
    public CollectionContents {
        items = List.copyOf(items);
    }

    /** The papers alone, in the collection's order (for citation exports and feeds). */
    public List<Paper> papers() {
        return items.stream().map(i -> i.record().paper()).toList();
    }
}
