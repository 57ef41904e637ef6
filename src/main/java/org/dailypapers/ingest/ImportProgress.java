package org.dailypapers.ingest;

/** Told how far an import has got, in bytes of the input files; called on the importing thread. */
public interface ImportProgress {
    ImportProgress NONE = (done, total) -> {};

    void bytesRead(long done, long total);
}
