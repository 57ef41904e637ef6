package org.dailypapers.web;

import java.util.Locale;

/** The page {@link StartupGate} shows while the instance starts: how many demo papers are loaded. */
public record LoadingPage(long done, long total) {
    public String message() {
        return total == 0 ? "Opening the database and the search index…"
                : String.format(Locale.ENGLISH, "Loading the demo dataset: %,d of %,d papers", done, total);
    }

    public long percent() {
        return total == 0 ? 0 : done * 100 / total;
    }

    public int refreshSeconds() {
        return StartupGate.RETRY_SECONDS;
    }
}
