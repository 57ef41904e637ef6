package org.dailypapers.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Embedder} that remembers document vectors on disk, keyed by the model id and a hash of the text,
 * in {@code <dir>/<model id>.vec} (a {@link VectorFile} of FLOAT32 records, keys are SHA-256 prefixes of
 * the text), and query vectors likewise in {@code <model id>.queries.vec} (keyed by the query with its
 * instruction). A second run over the same texts encodes nothing. Progress is logged and
 * appended in chunks, so an interrupted run keeps what it encoded. Thread-safe for reads; document calls are
 * serialised.
 */
public final class CachedEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(CachedEmbedder.class);
    private static final int CHUNK = 64;

    private final Embedder delegate;
    private final Path file;
    private final Path queryFile;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    private final Map<String, float[]> queries = new ConcurrentHashMap<>();
    private boolean queriesAppended; // guarded by this: after the first append, the file ends in a whole record

    public CachedEmbedder(Embedder delegate, Path dir) {
        this.delegate = delegate;
        this.file = dir.resolve(delegate.modelId() + ".vec");
        this.queryFile = dir.resolve(delegate.modelId() + ".queries.vec");
        queries.putAll(read(queryFile));
        cache.putAll(read(file));
        if (!cache.isEmpty()) {
            LOG.info("embedding cache {}: {} vectors", file, cache.size());
        }
    }

    private static Map<String, float[]> read(Path path) {
        if (!Files.exists(path)) {
            return Map.of();
        }
        try {
            return VectorFile.read(path).vectors();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding cache " + path + " (" + e.getMessage()
                    + "); delete it to encode again", e);
        }
    }

    /** The cached vector of a document text, or null when it was never encoded (nothing is encoded here). */
    public float[] cached(String text) {
        return cache.get(key(text));
    }

    @Override
    public float[] embedQuery(String query) {
        String key = key(delegate.queryPrefix() + query);
        float[] v = queries.get(key);
        if (v == null) {
            v = delegate.embedQuery(query);
            queries.put(key, v);
            synchronized (this) {
                try (VectorFile.Appender out = queriesAppended
                        ? VectorFile.appendAgain(queryFile, delegate.modelId(), delegate.dimension(), VectorEncoding.FLOAT32)
                        : VectorFile.append(queryFile, delegate.modelId(), delegate.dimension(), VectorEncoding.FLOAT32)) {
                    out.add(key, v);
                    queriesAppended = true;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append to embedding cache " + queryFile, e);
                }
            }
        }
        return v;
    }

    @Override
    public synchronized List<float[]> embedDocuments(List<String> texts) {
        List<String> keys = texts.stream().map(CachedEmbedder::key).toList();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!cache.containsKey(keys.get(i))) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            encode(texts, keys, missing);
        }
        return keys.stream().map(cache::get).toList();
    }

    private void encode(List<String> texts, List<String> keys, List<Integer> missing) {
        long start = System.nanoTime();
        try (VectorFile.Appender out =
                VectorFile.append(file, delegate.modelId(), delegate.dimension(), VectorEncoding.FLOAT32)) {
            for (int from = 0; from < missing.size(); from += CHUNK) {
                List<Integer> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
                List<float[]> vectors = delegate.embedDocuments(chunk.stream().map(texts::get).toList());
                for (int j = 0; j < chunk.size(); j++) {
                    String key = keys.get(chunk.get(j));
                    cache.put(key, vectors.get(j));
                    out.add(key, vectors.get(j));
                }
                out.flush();
                int done = from + chunk.size();
                double secs = (System.nanoTime() - start) / 1e9;
                LOG.info("encoded {}/{} documents with {} ({} docs/s)", done, missing.size(), delegate.modelId(),
                        String.format("%.1f", done / secs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to embedding cache " + file, e);
        }
    }

    static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String queryPrefix() {
        return delegate.queryPrefix();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }
}
