package org.dailypapers.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key within a sliding window, in memory (a restart forgets: acceptable for
 * slowing down mail bombing, which is what it is for). Used by sign-in and by digest subscriptions. Thread-safe.
 */
public final class RateLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Long>> events = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Whether {@code key} is under the limit now, recording nothing: a check before work that only failures count toward. */
    public boolean allows(String key) {
        long oldest = clock.millis() - window.toMillis();
        boolean[] allowed = {true};
        events.computeIfPresent(key, (k, times) -> { // under the map's lock for this key, as tryAcquire's changes are
            allowed[0] = times.stream().filter(t -> t > oldest).count() < limit;
            return times;
        });
        return allowed[0];
    }

    /** Records an event for {@code key} and returns true, or returns false (recording nothing) when over the limit. */
    public boolean tryAcquire(String key) {
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
