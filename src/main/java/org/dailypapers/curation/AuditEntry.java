package org.dailypapers.curation;

import java.time.Instant;

/** One curation action: who did what to which paper, and when. */
public record AuditEntry(Instant at, String actor, Action action, String arxivId, String detail) {}
