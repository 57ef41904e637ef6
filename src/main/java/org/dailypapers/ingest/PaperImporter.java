package org.dailypapers.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dailypapers.Futures;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.paper.UpsertOutcome;
import org.dailypapers.paper.WriteFence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports paper files into the store: reads them ({@link PaperFileReader}), saves in batches (one transaction
 * each, so a failure never leaves half a batch) and tells {@code onSaved} which records changed, so that
 * derived stores such as the search index follow. Bad records are skipped, logged with their location and
 * counted; they never stop the import. {@link #importPaths} and {@link #importStream}: one at a time per
 * instance (they share a reader); {@link #importRecords} and each {@link #begin() batch} have their own state, so
 * a submission may be saved while a harvest runs. Concurrent writers are coordinated only by the database's
 * transactions.
 */
public final class PaperImporter {
    static final int MAX_REPORTED_REJECTIONS = 100;
    /**
     * Records per transaction and per search-index commit. Each commit flushes a Lucene segment that must later
     * be merged: on 20,000 arXiv listings 5,000 took about 15% less CPU than 1,000 (docs/PERFORMANCE.md).
     */
    private static final int BATCH = 5000;
    private static final Logger log = LoggerFactory.getLogger(PaperImporter.class);

    private final PaperRepository papers;
    private final Consumer<List<PaperRecord>> onSaved;
    private final Runnable onSavedMissed;
    private final WriteFence fence;
    private final PaperFileReader reader = new PaperFileReader(new ObjectMapper());

    /** @param onSaved called after each batch commits with the records that were new or changed */
    public PaperImporter(PaperRepository papers, Consumer<List<PaperRecord>> onSaved) {
        this(papers, onSaved, () -> {}, WriteFence.NONE);
    }

    /**
     * @param onSavedMissed called when a batch committed but {@code onSaved} failed or was never reached for it
     *     (what it derives, the search index, may lack those records)
     * @param fence entered before each batch is saved and left once {@code onSaved} has run for it
     */
    public PaperImporter(PaperRepository papers, Consumer<List<PaperRecord>> onSaved, Runnable onSavedMissed,
            WriteFence fence) {
        this.papers = papers;
        this.onSaved = onSaved;
        this.onSavedMissed = onSavedMissed;
        this.fence = fence;
    }

    /**
     * Imports files and directories (a directory contributes its {@code .json}, {@code .jsonl} and
     * {@code .gz} files, in name order). A path that does not exist or cannot be read is a rejection.
     */
    public ImportSummary importPaths(List<Path> paths, ImportProgress progress) {
        List<Path> files = new ArrayList<>();
        Batch batch = new Batch();
        for (Path path : paths) {
            expand(path, files, batch);
        }
        long total = files.stream().mapToLong(PaperImporter::size).sum();
        long[] done = {0};
        return readAndSave(batch, sink -> {
            for (Path file : files) {
                try (InputStream in = counting(Files.newInputStream(file), n -> progress.bytesRead(done[0] += n, total))) {
                    reader.read(file.toString(), in, sink);
                } catch (IOException e) {
                    sink.reject(new Rejection(file.toString(), "cannot read: " + e.getMessage()));
                }
            }
        });
    }

    /** Imports one stream (e.g. the bundled demo dataset), named {@code name} in messages. */
    public ImportSummary importStream(String name, InputStream in) {
        return readAndSave(new Batch(), sink -> {
            try {
                reader.read(name, in, sink);
            } catch (IOException e) {
                sink.reject(new Rejection(name, "cannot read: " + e.getMessage()));
            }
        });
    }

    /**
     * Reads on one thread ({@link ReadAhead}), saves on this one and indexes on a third ({@link Batch#indexAside}):
     * the three overlap, and nothing is returned before all are done.
     */
    private static ImportSummary readAndSave(Batch batch, java.util.function.Consumer<RecordSink> reading) {
        batch.indexAside();
        try {
            ReadAhead.run(reading, batch);
            return batch.finish();
        } finally {
            batch.stopAside();
        }
    }

    /**
     * Saves records made in this process (a paper submitted on the site) the way files are imported, so the
     * feed cache and search index follow. Thread-safe: each call has its own batch.
     */
    public ImportSummary importRecords(List<PaperRecord> records) {
        Batch batch = new Batch();
        records.forEach(batch::accept);
        return batch.finish();
    }

    /**
     * Starts an import fed record by record (a harvest): {@link Batch#flush} commits what was fed so far,
     * {@link Batch#finish} commits the rest and says what the import did.
     */
    Batch begin() {
        return new Batch();
    }

    private static void expand(Path path, List<Path> files, Batch batch) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> listing = Files.list(path)) {
                listing.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.(json|jsonl|gz)"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                batch.reject(new Rejection(path.toString(), "cannot list the directory: " + e.getMessage()));
            }
        } else if (Files.isRegularFile(path) && Files.isReadable(path)) {
            files.add(path);
        } else {
            batch.reject(new Rejection(path.toString(), "no such readable file or directory"));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static InputStream counting(InputStream in, java.util.function.LongConsumer onRead) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    onRead.accept(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    onRead.accept(n);
                }
                return n;
            }
        };
    }

    /** Collects records into batches and keeps the counts. */
    final class Batch implements RecordSink {
        private final List<PaperRecord> pending = new ArrayList<>(BATCH);
        private final List<org.dailypapers.paper.HubLinks> pendingLinks = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private long read;
        private long created;
        private long updated;
        private long unchanged;
        private long rejected;
        /** Where {@code onSaved} runs when it runs beside the next save ({@link #indexAside}); null: in flush. */
        private java.util.concurrent.ExecutorService aside;
        private java.util.concurrent.Future<?> lastAside;

        /**
         * Lets {@code onSaved} (indexing, most of an import's work) run on a thread of its own while the next
         * batch is saved, one batch at a time and in order; {@link #finish} waits for it. For whole-file imports,
         * whose callers only look at the result when the import returns.
         */
        void indexAside() {
            aside = java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import-indexer").daemon().factory());
        }

        @Override
        public void accept(PaperRecord record) {
            read++;
            pending.add(record);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void accept(org.dailypapers.paper.HubLinks links) {
            if (!links.isEmpty()) {
                pendingLinks.add(links);
            }
        }

        @Override
        public void reject(Rejection rejection) {
            read++;
            rejected++;
            log.warn("rejected {}", rejection);
            if (rejections.size() < MAX_REPORTED_REJECTIONS) {
                rejections.add(rejection);
            }
        }

        /** Saves the records fed since the last flush (one transaction) and tells {@code onSaved}. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Runnable leave = fence.enter();
            boolean handedOver = false;
            try {
                List<UpsertOutcome> outcomes = papers.saveAll(pending);
                try {
                    handedOver = afterSave(outcomes, leave);
                } catch (RuntimeException | Error e) {
                    onSavedMissed.run();
                    throw e;
                }
            } finally {
                if (!handedOver) {
                    leave.run();
                }
            }
        }

        /** Counts and tells {@code onSaved}; true when that runs aside, which then leaves the fence itself. */
        private boolean afterSave(List<UpsertOutcome> outcomes, Runnable leave) {
            papers.saveHubLinks(pendingLinks); // after their papers: the links refer to them
            pendingLinks.clear();
            List<PaperRecord> changed = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                switch (outcomes.get(i)) {
                    case NEW -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
                if (outcomes.get(i) != UpsertOutcome.UNCHANGED) {
                    changed.add(pending.get(i));
                }
            }
            pending.clear();
            if (changed.isEmpty()) {
                return false;
            }
            if (aside == null) {
                onSaved.accept(changed);
                return false;
            }
            awaitAside();
            lastAside = aside.submit(() -> {
                try {
                    onSaved.accept(changed);
                } catch (RuntimeException | Error e) {
                    onSavedMissed.run();
                    throw e;
                } finally {
                    leave.run();
                }
            });
            return true;
        }

        ImportSummary finish() {
            flush();
            awaitAside();
            return summary();
        }

        /**
         * Lets the indexing thread end after the batch it has. Never interrupts it: an interrupt during Lucene's
         * file I/O closes the channel and with it the index writer for good.
         */
        void stopAside() {
            if (aside == null) {
                return;
            }
            aside.shutdown();
            try {
                aside.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the last batch handed aside, and throws what it threw. */
        private void awaitAside() {
            if (lastAside == null) {
                return;
            }
            try {
                Futures.await(lastAside, "importing");
            } finally {
                lastAside = null;
            }
        }

        /** The counts so far (records not yet flushed are counted as read only). */
        ImportSummary summary() {
            return new ImportSummary(read, created, updated, unchanged, rejected, rejections);
        }
    }
}
