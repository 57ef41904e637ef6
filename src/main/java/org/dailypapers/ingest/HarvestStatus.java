package org.dailypapers.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the scheduled harvests of a running server stand, for {@code /health} and the feed's notice.
 *
 * @param enabled whether {@code serve} harvests on schedule (DAILYPAPERS_HARVEST_ENABLED)
 * @param lastSuccess when a run last completed for every source (from the harvest state, so it survives restarts)
 * @param lastFailure when a run of this process last failed, with {@code failureReason}
 * @param failures why it failed, one entry per source that failed ("arxiv-oai:cs: the request to ... failed: ..."); empty
 *     when none failed
 * @param nextRun when the next run is due, while enabled
 * @param running whether a run is under way now
 */
public record HarvestStatus(boolean enabled, Optional<Instant> lastSuccess, Optional<Instant> lastFailure,
        java.util.List<String> failures, Optional<Instant> nextRun, boolean running) {
    public HarvestStatus {
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastFailure, "lastFailure");
        failures = java.util.List.copyOf(failures);
        Objects.requireNonNull(nextRun, "nextRun");
    }

    /** Harvesting is not scheduled in this process; {@code lastSuccess} from the harvest state. */
    public static HarvestStatus off(Optional<Instant> lastSuccess) {
        return new HarvestStatus(false, lastSuccess, Optional.empty(), java.util.List.of(), Optional.empty(), false);
    }

    /** Whether the latest run that ended failed (a failure after the last success). */
    public boolean lastRunFailed() {
        return lastFailure.isPresent() && (lastSuccess.isEmpty() || lastFailure.get().isAfter(lastSuccess.get()));
    }
}
