package org.dailypapers.store;

import java.time.Clock;
import java.time.LocalDate;

/** The {@code harvest_state} table: one row per harvest source. Thread-safe. */
public final class HarvestStateRepository {
    private static final String UPSERT = """
            INSERT INTO harvest_state (source, resumption_token, range_from, range_until, started_on, next_from,
                last_datestamp, updated_at)
            VALUES (:source, :token, :rangeFrom, :rangeUntil, :startedOn, :nextFrom, :lastDatestamp, :now)
            ON CONFLICT (source) DO UPDATE SET resumption_token = excluded.resumption_token,
                range_from = excluded.range_from, range_until = excluded.range_until, started_on = excluded.started_on,
                next_from = excluded.next_from, last_datestamp = excluded.last_datestamp, updated_at = excluded.updated_at
            """;

    private final Database database;
    private final Clock clock;

    public HarvestStateRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The stored state of {@code source}, or {@link HarvestState#none} when it was never harvested. */
    public HarvestState find(String source) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT source, resumption_token, range_from, range_until, started_on, next_from, last_datestamp
                        FROM harvest_state WHERE source = :source""")
                .bind("source", source)
                .map((rs, ctx) -> new HarvestState(rs.getString(1), rs.getString(2), day(rs.getString(3)),
                        day(rs.getString(4)), day(rs.getString(5)), day(rs.getString(6)), day(rs.getString(7))))
                .findOne())
                .orElseGet(() -> HarvestState.none(source));
    }

    /** When {@code source}'s state was last saved (each saved page or day of a run), or empty: never harvested. */
    public java.util.Optional<java.time.Instant> lastSaved(String source) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT updated_at FROM harvest_state WHERE source = :source")
                .bind("source", source)
                .mapTo(Long.class)
                .findOne()
                .map(java.time.Instant::ofEpochMilli));
    }

    /** Stores {@code state} (one statement: it is there whole or not at all). */
    public void save(HarvestState state) {
        database.jdbi().useHandle(h -> h.createUpdate(UPSERT)
                .bind("source", state.source())
                .bind("token", state.resumptionToken())
                .bind("rangeFrom", text(state.rangeFrom()))
                .bind("rangeUntil", text(state.rangeUntil()))
                .bind("startedOn", text(state.startedOn()))
                .bind("nextFrom", text(state.nextFrom()))
                .bind("lastDatestamp", text(state.lastDatestamp()))
                .bind("now", clock.millis())
                .execute());
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
