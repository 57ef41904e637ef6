package org.dailypapers.digest;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link DigestSender} runs.
 *
 * @param pageSize subscribers read and claimed at a time (memory is bounded by this, not the subscriber count)
 * @param threads messages handed to the mailer in parallel
 * @param lease after this long without progress, another run may take over a CLAIMED delivery (its run is
 *     presumed dead); it must exceed the time one page takes to send
 * @param maxAttempts tries per message for transient failures (1 = no retry)
 * @param firstBackoff the wait before the first retry; it doubles for each further one
 * @param resendUncertain also take over stale SENDING deliveries, whose mail may or may not have been
 *     accepted before their run died: trades at-most-once for at-least-once on those few
 */
public record SendOptions(int pageSize, int threads, Duration lease, int maxAttempts, Duration firstBackoff,
        boolean resendUncertain) {
    public SendOptions {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        if (pageSize < 1 || pageSize > 1_000) {
            throw new IllegalArgumentException("page size must be 1..1000 (got " + pageSize + ")");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64 (got " + threads + ")");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("attempts must be 1..10 (got " + maxAttempts + ")");
        }
    }

    public static SendOptions defaults() {
        return new SendOptions(200, 4, Duration.ofMinutes(15), 4, Duration.ofSeconds(2), false);
    }

    public SendOptions withResendUncertain(boolean resend) {
        return new SendOptions(pageSize, threads, lease, maxAttempts, firstBackoff, resend);
    }
}
