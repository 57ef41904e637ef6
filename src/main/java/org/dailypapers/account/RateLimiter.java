package org.dailypapers.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key within a sliding window, in memory (a restart forgets: acceptable for
 * slowing down mail bombing, which is what it is for). Thread-safe.
 */
final class RateLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Long>> events = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Records an event for {@code key} and returns true, or returns false (recording nothing) when over the limit. */
    boolean tryAcquire(String key) {
        long now = clock.millis();
        long oldest = now - window.toMillis();
        boolean[] allowed = new boolean[1];
        events.compute(key, (k, times) -> {
            Deque<Long> t = times == null ? new ArrayDeque<>() : times;
            while (!t.isEmpty() && t.peekFirst() <= oldest) {
                t.pollFirst();
            }
            allowed[0] = t.size() < limit;
            if (allowed[0]) {
                t.addLast(now);
            }
            return t;
        });
        if (events.size() > 100_000) {
            events.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast() <= oldest);
        }
        return allowed[0];
    }
}
