package org.dailypapers.ingest;

import java.util.List;

/**
 * What an import did. {@code read} counts every record seen, so read = created + updated + unchanged +
 * rejected. {@code rejections} holds the first {@link PaperImporter#MAX_REPORTED_REJECTIONS} in full.
 */
public record ImportSummary(long read, long created, long updated, long unchanged, long rejected, List<Rejection> rejections) {
    public ImportSummary {
        rejections = List.copyOf(rejections);
    }

    @Override
    public String toString() {
        return "read " + read + ", new " + created + ", updated " + updated + ", unchanged " + unchanged
                + ", rejected " + rejected;
    }
}
