package org.dailypapers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream, each kept up to a cap: a longer line is read to its end and dropped, so one
 * 700 MB line costs its length in time but never in memory. Lines end at {@code \n} (a {@code \r} before it is
 * dropped too). Not thread-safe.
 */
final class BoundedLines {
    /**
     * One line: its number from 1, its bytes (null when the line was longer than the cap) and its length in bytes.
     */
    record Line(long number, byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int max;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long number;
    private byte[] line = new byte[1 << 12];

    BoundedLines(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int kept = 0;
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            length += n;
            if (length <= max + 1L) { // one more than the cap: a line of exactly the cap may end in \r\n
                if (kept + n > line.length) {
                    line = Arrays.copyOf(line, Math.min(max + 2, Math.max(line.length * 2, kept + n)));
                }
                System.arraycopy(buffer, start, line, kept, n);
                kept += n;
            }
            if (pos < limit) {
                pos++; // the newline
                break;
            }
        }
        number++;
        if (length > 0 && length <= max + 1L && line[kept - 1] == '\r') {
            kept--;
            length--;
        }
        return length > max ? new Line(number, null, length) : new Line(number, Arrays.copyOf(line, kept), length);
    }
}
