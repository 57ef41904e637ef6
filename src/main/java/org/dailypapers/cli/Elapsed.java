package org.dailypapers.cli;

import java.util.Locale;

/** Wall time since a {@link System#nanoTime()} reading, as people read it: "42 s", "3 min 07 s". */
final class Elapsed {
    private Elapsed() {}

    static String since(long startNanos) {
        long s = Math.round(seconds(startNanos));
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
