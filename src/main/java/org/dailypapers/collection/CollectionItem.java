package org.dailypapers.collection;

import java.time.Instant;
import org.dailypapers.paper.PaperRecord;

/**
 * A paper in a collection, in the collection's order.
 *
 * @param note the owner's note on it, "" when none
 */
public record CollectionItem(PaperRecord record, String note, Instant addedAt) {}
