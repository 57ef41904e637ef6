package org.dailypapers.ingest;

import org.dailypapers.paper.PaperRecord;

/** Receives what a reader makes of a file, record by record. */
interface RecordSink {
    void accept(PaperRecord record);

    /** What a Hugging Face record said about the paper's discussion and linked repositories; ignored by default. */
    default void accept(org.dailypapers.paper.HubLinks links) {}

    /** A record (or, when it cannot be read at all, the rest of a file) was skipped. */
    void reject(Rejection rejection);
}
