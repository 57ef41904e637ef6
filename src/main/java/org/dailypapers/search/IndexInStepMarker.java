package org.dailypapers.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file in the index directory saying that the search index was in step with the database when its writer
 * last closed, so that the next start may skip {@link PaperSearch#catchUp}: the comparison of every paper
 * with its indexed version took 188 s of a core at 2.8 million papers (docs/PERFORMANCE.md, issue 16), every
 * start, to find nothing to do after a clean stop.
 *
 * <p>The writer's owner {@link #write}s it after a clean close and {@link #take}s it (reads and deletes it)
 * when it opens the index again, so a process that dies leaves none and the next start compares everything.
 * It lives in the index directory, so an index deleted or rebuilt for another model takes it along.
 * It holds the documents' format ({@link SearchDocument#FORMAT} and the version of a probe document), so a
 * release that indexes papers differently catches up too, and the index's last commit, so a writer that does not
 * know the marker invalidates it by committing. It also holds a stamp the owner wrote to the database at the same
 * stop, so a database file replaced while the server was stopped (a restored backup) does not match it. The owner
 * alone knows whether anything else can write the database while it is stopped (another node on a shared database
 * can), and decides with this.
 */
public final class IndexInStepMarker {
    static final String FILE = "search-index.in-step";
    private static final Logger log = LoggerFactory.getLogger(IndexInStepMarker.class);

    private IndexInStepMarker() {}

    /**
     * Records that the index in {@code indexDir} is in step with the database (after its writer closed), whose stamp
     * of this stop is {@code databaseStamp}.
     */
    public static void write(Path indexDir, String databaseStamp) {
        try {
            Files.writeString(indexDir.resolve(FILE), state(indexDir, databaseStamp) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + indexDir.resolve(FILE), e);
        }
    }

    /**
     * Whether the marker was there, for this format and this database: true when the index was left in step by a
     * clean close of a release that indexes alike, with the database that now holds {@code databaseStamp}. Deletes
     * it either way: from now on the index is open for writing.
     */
    public static boolean take(Path indexDir, String databaseStamp) {
        Path file = indexDir.resolve(FILE);
        try {
            String held = Files.readString(file).strip();
            Files.delete(file);
            return !databaseStamp.isBlank() && held.equals(state(indexDir, databaseStamp));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) { // only a hint: an unreadable one means comparing, never a server that cannot start
            log.warn("Cannot read or delete {} ({}): comparing every paper with the index", file, e.toString());
            try {
                Files.deleteIfExists(file);
            } catch (IOException stillThere) {
                // it will not match the next state either: the next start compares again
            }
            return false;
        }
    }

    /** Deletes the marker, if any: the index no longer holds what it vouched for. */
    static void discard(Path indexDir) {
        take(indexDir, "");
    }

    /**
     * The documents' format, the index's last commit and the database's stamp: a writer that does not know the marker
     * (an older release, a benchmark filling vectors) commits, and the marker no longer matches.
     */
    private static String state(Path indexDir, String databaseStamp) throws IOException {
        String[] files;
        try (var list = Files.list(indexDir)) {
            files = list.map(p -> p.getFileName().toString()).toArray(String[]::new);
        }
        return format() + " commit=" + org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(files)
                + " database=" + databaseStamp;
    }

    /** The format of the documents this release indexes. */
    static String format() {
        return "format=" + SearchDocument.FORMAT + " probe=" + SearchDocument.ofText("probe", "probe", "probe").version();
    }
}
