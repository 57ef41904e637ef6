package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** Collects what reaches the consuming side, and on which thread. */
    private static final class Collected implements RecordSink {
        final List<String> seen = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        int failAfter = Integer.MAX_VALUE;

        @Override
        public void accept(PaperRecord record) {
            throw new AssertionError("no records in these tests");
        }

        @Override
        public void reject(Rejection rejection) {
            if (seen.size() == failAfter) {
                throw new IllegalStateException("database gone");
            }
            seen.add(rejection.location());
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void hands_over_every_item_in_order_on_the_calling_thread() {
        int n = ReadAhead.CHUNK * (ReadAhead.CHUNKS_AHEAD + 3) + 7; // more than fits ahead, and a partial chunk
        Collected target = new Collected();
        ReadAhead.run(sink -> {
            for (int i = 0; i < n; i++) {
                sink.reject(new Rejection("line " + i, "bad"));
            }
        }, target);
        assertThat(target.seen).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(target.seen.get(i)).isEqualTo("line " + i);
        }
        assertThat(target.threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void a_reader_failure_reaches_the_caller_after_what_was_read_before_it() {
        Collected target = new Collected();
        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            sink.reject(new Rejection("line 0", "bad"));
            throw new IllegalArgumentException("disk on fire");
        }, target)).isInstanceOf(IllegalArgumentException.class).hasMessage("disk on fire");
        assertThat(target.seen).containsExactly("line 0");
    }

    @Test
    void a_consumer_failure_stops_the_reader_instead_of_leaving_it_blocked() throws Exception {
        Collected target = new Collected();
        target.failAfter = 10;
        AtomicInteger produced = new AtomicInteger();
        Thread[] readerThread = {null};
        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            readerThread[0] = Thread.currentThread();
            for (int i = 0; i < 10_000_000; i++) { // far more than the queue holds: it blocks unless stopped
                sink.reject(new Rejection("line " + i, "bad"));
                produced.incrementAndGet();
            }
        }, target)).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        readerThread[0].join(10_000);
        assertThat(readerThread[0].isAlive()).isFalse();
        assertThat(produced.get()).isLessThan(ReadAhead.CHUNK * (ReadAhead.CHUNKS_AHEAD + 3));
    }
}
