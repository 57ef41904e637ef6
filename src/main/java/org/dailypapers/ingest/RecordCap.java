package org.dailypapers.ingest;

/**
 * The largest single record that import and harvest accept: {@value #MAX_BYTES} bytes (1 MiB) of JSON or XML. The
 * largest real record in the project's data is about 56 KB (arXiv listings and Hugging Face days alike), so the cap
 * leaves ample room while bounding what one record may hold in memory: a larger one is skipped, in constant
 * memory, and rejected with its location, and the rest of the file or answer goes on.
 */
final class RecordCap {
    static final int MAX_BYTES = 1 << 20;

    private RecordCap() {}

    /** The rejection reason for a record of {@code bytes} bytes (or more: counting may stop at the cap). */
    static String tooLarge(long bytes) {
        return "the record is " + String.format(java.util.Locale.ROOT, "%,d", bytes) + " bytes, larger than the "
                + "limit of " + String.format(java.util.Locale.ROOT, "%,d", MAX_BYTES) + " bytes (1 MiB): skipped";
    }
}
