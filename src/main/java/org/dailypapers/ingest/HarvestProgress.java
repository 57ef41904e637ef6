package org.dailypapers.ingest;

/**
 * Told how far a harvest has got, in records (arXiv; {@code total} is -1 until the source says) or days
 * (Hugging Face); called on the harvesting thread.
 */
public interface HarvestProgress {
    HarvestProgress NONE = (done, total) -> {};

    void advanced(long done, long total);
}
