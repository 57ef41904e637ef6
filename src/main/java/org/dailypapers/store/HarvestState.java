package org.dailypapers.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where one harvest source stopped (a row of {@code harvest_state}). Nullable: every field but {@code source}.
 *
 * @param source the source and its scope, e.g. {@code arxiv-oai:cs} or {@code hf}
 * @param resumptionToken the token of the next page of an unfinished harvest; null when none is under way
 * @param rangeFrom the from= that unfinished harvest was started with
 * @param rangeUntil the until= that unfinished harvest was started with (null: open-ended)
 * @param startedOn the source's day when that harvest began
 * @param nextFrom where the next incremental run starts (inclusive)
 * @param lastDatestamp the newest record datestamp or feed day seen
 */
public record HarvestState(String source, String resumptionToken, LocalDate rangeFrom, LocalDate rangeUntil,
        LocalDate startedOn, LocalDate nextFrom, LocalDate lastDatestamp) {
    public HarvestState {
        Objects.requireNonNull(source, "source");
    }

    /** A source never harvested. */
    public static HarvestState none(String source) {
        return new HarvestState(source, null, null, null, null, null, null);
    }

    /** True while a harvest is unfinished: its next page is known by {@link #resumptionToken}. */
    public boolean inProgress() {
        return resumptionToken != null;
    }

    /** This state with an unfinished harvest's position. */
    public HarvestState paused(String token, LocalDate from, LocalDate until, LocalDate started, LocalDate newest) {
        return new HarvestState(source, token, from, until, started, nextFrom, later(lastDatestamp, newest));
    }

    /** This state after a harvest completed: no token; the next run starts at {@code next} (null: unchanged). */
    public HarvestState completed(LocalDate next, LocalDate newest) {
        return new HarvestState(source, null, null, null, null, next != null ? next : nextFrom, later(lastDatestamp, newest));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
