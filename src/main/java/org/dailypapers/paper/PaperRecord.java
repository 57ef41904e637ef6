package org.dailypapers.paper;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a paper: the paper, its feed entry when a source put it on the daily feed, and the day the
 * record describes the paper as of (a Hugging Face record: its feed day; an arXiv listing: its listing day).
 * Of two records of one paper, the one with the later {@code asOf} is the newer: its text wins.
 */
public record PaperRecord(Paper paper, FeedEntry entry, LocalDate asOf) {
    public PaperRecord {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(asOf, "asOf");
        if (entry != null && !entry.id().equals(paper.id())) {
            throw new IllegalArgumentException("feed entry " + entry.id() + " does not belong to " + paper.id());
        }
    }

    public Optional<FeedEntry> feedEntry() {
        return Optional.ofNullable(entry);
    }
}
