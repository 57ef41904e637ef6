package org.dailypapers.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Vectors of one embedding model keyed by string (an arXiv id, or a text hash in the embedding cache).
 *
 * <p>Format (big-endian, a {@code .gz} name adds gzip): magic {@code DPVF}, version byte 1, model id (modified
 * UTF-8), dimension (int), encoding byte ({@link VectorEncoding}), then records to the end of the file: key
 * (modified UTF-8) and the vector ({@code FLOAT32}: 4 bytes a component; {@code FLOAT16}: 2; {@code INT8}: a
 * float scale then one byte a component). Records can be appended, so a crashed writer loses at most its last
 * record; {@link #read} drops a truncated last record.
 *
 * @param vectors in file order; a later record of the same key replaces an earlier one
 */
public record VectorFile(String modelId, int dimension, Map<String, float[]> vectors) {

    private static final int MAGIC = 0x44505646; // "DPVF"

    public VectorFile {
        Objects.requireNonNull(modelId, "modelId");
        vectors = Collections.unmodifiableMap(new LinkedHashMap<>(vectors));
        for (var e : vectors.entrySet()) {
            if (e.getValue().length != dimension) {
                throw new IllegalArgumentException("vector of " + e.getKey() + " has " + e.getValue().length
                        + " components, expected " + dimension);
            }
        }
    }

    /** Reads a whole file. */
    public static VectorFile read(Path path) throws IOException {
        try (DataInputStream in = new DataInputStream(open(path))) {
            Header h = Header.read(in, path);
            Map<String, float[]> vectors = new LinkedHashMap<>();
            byte[] buf = new byte[h.encoding.bytes(h.dimension)];
            while (true) {
                String key;
                try {
                    key = in.readUTF();
                    in.readFully(buf);
                } catch (EOFException end) {
                    break;
                }
                vectors.put(key, decode(buf, h.encoding, h.dimension));
            }
            return new VectorFile(h.modelId, h.dimension, vectors);
        }
    }

    /** Writes all vectors to a new file (replacing any), gzip-compressed when the name ends in {@code .gz}. */
    public void write(Path path, VectorEncoding encoding) throws IOException {
        OutputStream raw = Files.newOutputStream(path);
        if (path.toString().endsWith(".gz")) {
            raw = new GZIPOutputStream(raw, 1 << 16);
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            new Header(modelId, dimension, encoding).write(out);
            for (var e : vectors.entrySet()) {
                out.writeUTF(e.getKey());
                out.write(encode(e.getValue(), encoding));
            }
        }
    }

    /**
     * Opens a plain (not gzip) file for appending records, creating it with a header when absent. A truncated
     * last record (a crashed writer's) is cut off first, so that the new records follow the intact ones. Fails
     * when an existing file was written for another model, dimension or encoding.
     */
    public static Appender append(Path path, String modelId, int dimension, VectorEncoding encoding)
            throws IOException {
        return append(path, modelId, dimension, encoding, true);
    }

    /**
     * As {@link #append(Path, String, int, VectorEncoding)} for a writer that has appended to this file before
     * in this process, so its end is a whole record: only the header is checked (reading every record again
     * on each small append, as a query cache makes one per query, would cost time growing with the file).
     */
    public static Appender appendAgain(Path path, String modelId, int dimension, VectorEncoding encoding)
            throws IOException {
        return append(path, modelId, dimension, encoding, false);
    }

    private static Appender append(Path path, String modelId, int dimension, VectorEncoding encoding, boolean checkTail)
            throws IOException {
        if (Files.exists(path) && Files.size(path) > 0) {
            long intact;
            try (DataInputStream in = new DataInputStream(open(path))) {
                Header h = Header.read(in, path);
                if (!h.equals(new Header(modelId, dimension, encoding))) {
                    throw new IOException(path + " holds " + h + ", not " + modelId + "/" + dimension + "/" + encoding);
                }
                intact = checkTail ? h.length() + wholeRecordsLength(in, encoding.bytes(dimension)) : Files.size(path);
            }
            if (intact < Files.size(path)) {
                // appending after a torn record would shift every later record: read would return garbage
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    channel.truncate(intact);
                }
            }
            return new Appender(new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(path, StandardOpenOption.APPEND), 1 << 16)), encoding, dimension);
        }
        Files.createDirectories(path.toAbsolutePath().getParent());
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
        new Header(modelId, dimension, encoding).write(out);
        return new Appender(out, encoding, dimension);
    }

    /** The bytes taken by the whole records from the stream's position on (each a UTF key, then the vector). */
    private static long wholeRecordsLength(DataInputStream in, int vectorBytes) throws IOException {
        long length = 0;
        while (true) {
            try {
                int keyBytes = in.readUnsignedShort();
                in.skipNBytes(keyBytes + vectorBytes);
                length += 2 + keyBytes + vectorBytes;
            } catch (EOFException end) {
                return length;
            }
        }
    }

    /** Appends records; {@link #flush} makes them durable against a crash of this process. Not thread-safe. */
    public static final class Appender implements Closeable {
        private final DataOutputStream out;
        private final VectorEncoding encoding;
        private final int dimension;

        private Appender(DataOutputStream out, VectorEncoding encoding, int dimension) {
            this.out = out;
            this.encoding = encoding;
            this.dimension = dimension;
        }

        public void add(String key, float[] vector) throws IOException {
            if (vector.length != dimension) {
                throw new IllegalArgumentException("expected " + dimension + " components, got " + vector.length);
            }
            out.writeUTF(key);
            out.write(encode(vector, encoding));
        }

        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private record Header(String modelId, int dimension, VectorEncoding encoding) {
        static Header read(DataInputStream in, Path path) throws IOException {
            try {
                if (in.readInt() != MAGIC || in.readByte() != 1) {
                    throw new IOException(path + " is not a vector file (version 1)");
                }
                return new Header(in.readUTF(), in.readInt(), VectorEncoding.ofCode(in.readByte()));
            } catch (EOFException e) {
                throw new IOException(path + " ends inside its header", e);
            }
        }

        /** The bytes the header takes in a file. */
        long length() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(new DataOutputStream(bytes));
            return bytes.size();
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(MAGIC);
            out.writeByte(1);
            out.writeUTF(modelId);
            out.writeInt(dimension);
            out.writeByte(encoding.code);
        }
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        return path.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static byte[] encode(float[] v, VectorEncoding encoding) {
        ByteBuffer b = ByteBuffer.allocate(encoding.bytes(v.length)).order(ByteOrder.BIG_ENDIAN);
        switch (encoding) {
            case FLOAT32 -> { for (float x : v) b.putFloat(x); }
            case FLOAT16 -> { for (float x : v) b.putShort(Float.floatToFloat16(x)); }
            case INT8 -> {
                float max = 0f;
                for (float x : v) max = Math.max(max, Math.abs(x));
                float scale = max == 0f ? 1f : max / 127f;
                b.putFloat(scale);
                for (float x : v) b.put((byte) Math.round(x / scale));
            }
        }
        return b.array();
    }

    static float[] decode(byte[] bytes, VectorEncoding encoding, int dimension) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        float[] v = new float[dimension];
        switch (encoding) {
            case FLOAT32 -> { for (int i = 0; i < dimension; i++) v[i] = b.getFloat(); }
            case FLOAT16 -> { for (int i = 0; i < dimension; i++) v[i] = Float.float16ToFloat(b.getShort()); }
            case INT8 -> {
                float scale = b.getFloat();
                for (int i = 0; i < dimension; i++) v[i] = b.get() * scale;
            }
        }
        return v;
    }
}
