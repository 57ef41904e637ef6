package org.dailypapers.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * What one harvest run did: HTTP requests sent (retries included), what became of the records, where the
 * next run will start, and why the run stopped early when it did. What was saved before a failure stays saved.
 *
 * @param source the source and its scope, e.g. {@code arxiv-oai:cs}
 * @param resumption where the next run goes on, in words ("complete; the next run starts at 2026-11-27")
 * @param failure why the run stopped before the end, or null when it completed
 */
public record HarvestReport(String source, int requests, ImportSummary records, String resumption, String failure) {
    public HarvestReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(resumption, "resumption");
    }

    public boolean completed() {
        return failure == null;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    /** The summary line: requests, records (read/new/updated/unchanged/rejected) and the resumption. */
    @Override
    public String toString() {
        return source + ": " + requests + " requests, records " + records + "; " + resumption;
    }
}
