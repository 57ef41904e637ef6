package org.dailypapers.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.dailypapers.paper.HubLinks;
import org.dailypapers.paper.PaperRecord;

/**
 * Runs a reader on a thread of its own and replays what it read, in order, into a sink on the calling thread,
 * so that parsing the next records overlaps saving the last ones (issue 16: an import is CPU-bound, and this
 * machine has two cores). At most {@value #CHUNKS_AHEAD} chunks of {@value #CHUNK} items wait, so memory
 * stays bounded whatever the file's size. A failure on either side stops both and is thrown to the caller.
 */
final class ReadAhead {
    static final int CHUNK = 1000;
    static final int CHUNKS_AHEAD = 8;
    /** Compared by identity: a chunk of its own, never one a reader sends (List.of() would be a shared instance). */
    private static final List<Object> END = java.util.Collections.unmodifiableList(new ArrayList<>());

    private ReadAhead() {}

    /** Calls {@code reading} on a new thread with a sink whose items reach {@code target} on this one. */
    static void run(Consumer<RecordSink> reading, RecordSink target) {
        BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        Throwable[] failure = {null};
        Thread reader = Thread.ofPlatform().name("import-reader").daemon().start(() -> {
            Chunks chunks = new Chunks(queue);
            try {
                reading.accept(chunks);
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                chunks.end(); // what was read before a failure still arrives, then the failure
            }
        });
        try {
            for (List<Object> chunk = queue.take(); chunk != END; chunk = queue.take()) {
                replay(chunk, target);
            }
            reader.join();
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } catch (RuntimeException | Error e) {
            reader.interrupt(); // unblocks a reader waiting for room, which then ends
            throw e;
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        } else if (failure[0] instanceof Error e) {
            throw e;
        } else if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }

    private static void replay(List<Object> chunk, RecordSink target) {
        for (Object item : chunk) {
            switch (item) {
                case PaperRecord r -> target.accept(r);
                case HubLinks l -> target.accept(l);
                case Rejection r -> target.reject(r);
                default -> throw new IllegalStateException("unexpected item " + item);
            }
        }
    }

    /** The reader's side: collects items into chunks and hands each over when full. */
    private static final class Chunks implements RecordSink {
        private final BlockingQueue<List<Object>> queue;
        private List<Object> items = new ArrayList<>(CHUNK);

        Chunks(BlockingQueue<List<Object>> queue) {
            this.queue = queue;
        }

        @Override
        public void accept(PaperRecord record) {
            add(record);
        }

        @Override
        public void accept(HubLinks links) {
            add(links);
        }

        @Override
        public void reject(Rejection rejection) {
            add(rejection);
        }

        private void add(Object item) {
            items.add(item);
            if (items.size() >= CHUNK) {
                send();
            }
        }

        void send() {
            if (items.isEmpty()) {
                return;
            }
            try {
                queue.put(items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the import stopped", e);
            }
            items = new ArrayList<>(CHUNK);
        }

        /** Sends the last chunk and tells the consumer that nothing more comes; returns at once if it stopped. */
        void end() {
            try {
                send();
            } catch (IllegalStateException stopped) {
                return; // the consumer failed and interrupted this thread: nobody waits for the end
            }
            try {
                // the consumer may have stopped taking: wait for room a bounded time only
                queue.offer(END, 1, java.util.concurrent.TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
