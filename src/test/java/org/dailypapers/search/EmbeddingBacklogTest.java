package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EmbeddingBacklogTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger without = new AtomicInteger(1_000);
    private final EmbeddingBacklog backlog = new EmbeddingBacklog(() -> 1_000, without::get, nanos::get);

    private void encode(int papers, Duration took) {
        nanos.addAndGet(took.toNanos());
        without.addAndGet(-papers);
        backlog.encoded(papers);
    }

    @Test
    void rate_and_estimated_end_follow_the_recent_batches() {
        assertThat(backlog.snapshot().eta()).isNull(); // no rate yet
        encode(0, Duration.ZERO);
        encode(100, Duration.ofSeconds(10));
        encode(100, Duration.ofSeconds(10));
        EmbeddingBacklog.Snapshot s = backlog.snapshot();
        assertThat(s.papersPerSecond()).isEqualTo(10.0);
        assertThat(s.withoutVector()).isEqualTo(800);
        assertThat(s.eta()).isEqualTo(Duration.ofSeconds(80));
        assertThat(s.etaText()).hasValue("about 1 min");
        assertThat(s.coverage()).isEqualTo(0.2);
    }

    @Test
    void the_rate_forgets_batches_older_than_its_window_and_a_long_pause_has_no_rate() {
        encode(0, Duration.ZERO);
        encode(1_00, Duration.ofSeconds(100)); // 1 paper/s
        encode(300, Duration.ofMinutes(5)); // 1 paper/s too
        encode(600, Duration.ofSeconds(60)); // 10 papers/s: the window now holds only the last two batches
        assertThat(backlog.rate()).isEqualTo(10.0);
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        assertThat(backlog.rate()).isZero();
    }

    @Test
    void semantic_search_warms_up_until_half_the_papers_have_a_vector() {
        assertThat(backlog.warmingUp()).isTrue();
        encode(499, Duration.ofSeconds(1));
        assertThat(backlog.warmingUp()).isTrue();
        encode(1, Duration.ofSeconds(1));
        assertThat(backlog.warmingUp()).isFalse();
        assertThat(backlog.snapshot().warmingUpNotice()).startsWith("Semantic search warming up: 50% of papers embedded");
    }

    @Test
    void counts_are_kept_for_a_second_unless_a_batch_was_stored() {
        backlog.snapshot();
        without.set(10);
        assertThat(backlog.snapshot().withoutVector()).isEqualTo(1_000);
        nanos.addAndGet(Duration.ofMillis(1_001).toNanos());
        assertThat(backlog.snapshot().withoutVector()).isEqualTo(10);
    }

    @Test
    void a_background_thread_lowers_its_own_cpu_priority() throws Exception {
        int before = BackgroundPriority.currentNice();
        int[] nice = new int[1];
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            try {
                nice[0] = BackgroundPriority.currentNice();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        t.join();
        assertThat(nice[0]).isEqualTo(BackgroundPriority.NICE);
        assertThat(BackgroundPriority.currentNice()).isEqualTo(before); // only that thread
    }
}
