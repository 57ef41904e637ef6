package org.dailypapers.store;

import java.util.Optional;

/**
 * The database's side of the search index's clean-stop marker: a stamp written at each clean stop, and the same stamp
 * in the marker. A database file replaced while the server was stopped carries another stamp (or none), so the index
 * is not trusted to match it.
 */
public final class SearchIndexStampRepository {
    private final Database database;

    public SearchIndexStampRepository(Database database) {
        this.database = database;
    }

    /** The stamp of the last clean stop; empty when none was recorded. */
    public Optional<String> read() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT stamp FROM search_index_stamp WHERE id = 1")
                .mapTo(String.class).findOne());
    }

    public void write(String stamp) {
        database.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO search_index_stamp (id, stamp) VALUES (1, :stamp)
                ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp
                """).bind("stamp", stamp).execute());
    }
}
