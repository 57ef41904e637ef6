package org.dailypapers.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The items of a JSON array, read from a stream positioned at its {@code [}, as the bytes of each item, each kept
 * up to a cap. Only the structure is read here (strings, escapes, nesting), so an item larger than the cap is
 * skipped in constant memory and the items after it are still read; the caller parses each item on its own, so a
 * malformed item costs only itself. What breaks the array itself (a file cut short, garbage between items) ends
 * the reading with a {@link Malformed} naming the line. Not thread-safe.
 */
final class JsonArrayItems {
    /** The array itself is broken at {@code line}: the items after this point cannot be found. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** One item: its bytes, or null when it was larger than the cap, and its length in bytes. */
    record Item(byte[] bytes, long length) {
        boolean tooLarge() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int max;
    private final ByteArrayOutputStream item = new ByteArrayOutputStream(1 << 12);
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private int pushedBack = -2;
    private long line = 1;
    private boolean started;
    private boolean ended;

    JsonArrayItems(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next item, or null after the array's {@code ]}. */
    Item next() throws IOException, Malformed {
        if (ended) {
            return null;
        }
        int c = significant();
        if (!started) {
            if (c != '[') {
                throw new Malformed("expected a JSON array");
            }
            started = true;
            c = significant();
            if (c == ']') {
                ended = true;
                return null;
            }
        } else if (c == ']') {
            ended = true;
            return null;
        } else if (c == ',') {
            c = significant();
        } else {
            throw malformed(c, "',' or ']' after an item");
        }
        if (c < 0 || c == ']' || c == ',') {
            throw malformed(c, "an item");
        }
        return item(c);
    }

    /** Reads one item starting with {@code first}: an object, an array, a string or a bare word (number, true, ...). */
    private Item item(int first) throws IOException, Malformed {
        item.reset();
        long length = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int c = first; ; c = read()) {
            if (c < 0) {
                throw new Malformed("the file ends inside an item (line " + line + "): it was cut short");
            }
            if (!inString && depth == 0 && length > 0 && first != '"' && first != '{' && first != '['
                    && (c == ',' || c == ']' || Character.isWhitespace(c))) {
                pushedBack = c; // the end of a bare word
                break;
            }
            length++;
            if (length <= max) {
                item.write(c);
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        break;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth <= 0) {
                    break;
                }
            }
        }
        return length > max ? new Item(null, length) : new Item(item.toByteArray(), length);
    }

    private Malformed malformed(int c, String expected) {
        return new Malformed(c < 0 ? "the file ends where " + expected + " was expected (line " + line + "): it was cut short"
                : "unexpected '" + (char) c + "' where " + expected + " was expected (line " + line + ")");
    }

    /** The next byte that is not JSON whitespace, or -1. */
    private int significant() throws IOException {
        int c;
        do {
            c = read();
        } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
        return c;
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        c = buffer[pos++] & 0xFF;
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
