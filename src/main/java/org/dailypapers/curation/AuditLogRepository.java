package org.dailypapers.curation;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the audit log, inside the transaction of whoever acted (curation here, the discussion hiding a
 * comment), so an action and its entry are written together. Thread-safe.
 */
public final class AuditLogRepository {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();

    AuditLogRepository(Clock clock) {
        this.clock = clock;
    }

    /** Adds an entry by {@code actor} (an administrator's address; the caller checked) in transaction {@code h}. */
    public void append(Handle h, String actor, Action action, String arxivId, String detail) {
        insert(h, action, arxivId, actor, detail, nextId(), clock.instant());
    }

    static void insert(Handle h, Action action, String arxivId, String actor, String detail, String auditId, java.time.Instant now) {
        h.createUpdate("INSERT INTO audit_log (id, at, actor, action, arxiv_id, detail) VALUES (:id, :at, :actor, :action, :paper, :detail)")
                .bind("id", auditId).bind("at", now.toEpochMilli()).bind("actor", actor).bind("action", action.name())
                .bind("paper", arxivId).bind("detail", detail).execute();
    }

    /**
     * Audit ids sort in the order actions happened in this process, even within one millisecond (the log
     * is read newest first); a random suffix keeps ids of several processes apart.
     */
    String nextId() {
        long micros = sequence.updateAndGet(last -> Math.max(last + 1, clock.millis() * 1000));
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        return String.format("%019d", micros) + HexFormat.of().formatHex(suffix);
    }
}
