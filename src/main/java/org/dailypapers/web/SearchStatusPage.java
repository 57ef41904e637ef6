package org.dailypapers.web;

import org.dailypapers.search.EmbeddingBacklog;

/** The admin page's model; {@code warmingUp} is the search page's notice, or null when semantic search is on. */
public record SearchStatusPage(EmbeddingBacklog.Snapshot backlog, String method, String warmingUp) {

    public String coveragePercent() {
        return String.format(java.util.Locale.ROOT, "%.1f%%", backlog.coverage() * 100);
    }

    public String rateText() {
        return backlog.papersPerSecond() > 0 ? String.format(java.util.Locale.ROOT, "%.1f papers/s", backlog.papersPerSecond())
                : backlog.withoutVector() == 0 ? "idle: nothing to encode" : "not measured yet (no batch in the last 5 minutes)";
    }

    public String etaText() {
        return backlog.withoutVector() == 0 ? "done" : backlog.etaText().orElse("unknown until a rate is measured");
    }
}
