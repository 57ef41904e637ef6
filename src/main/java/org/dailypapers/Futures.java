package org.dailypapers;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, its failure thrown as if the work had run on the waiting thread. */
public final class Futures {
    private Futures() {}

    /**
     * The result of {@code work}. A runtime exception or error it threw is thrown here as it was; a checked one is
     * wrapped. An interrupt keeps the thread's interrupt status and throws; the work goes on (it may hold something
     * it must release when it ends, as an import's indexing does).
     *
     * @param what what the work does, for messages: "indexing", "searching the dense side"
     */
    public static <T> T await(Future<T> work, String what) {
        return await(work, what, false);
    }

    /** As {@link #await}, but an interrupt also cancels the work if it has not started: for work only this wait wants. */
    public static <T> T awaitOrCancel(Future<T> work, String what) {
        return await(work, what, true);
    }

    private static <T> T await(Future<T> work, String what, boolean cancelOnInterrupt) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            if (cancelOnInterrupt) {
                work.cancel(false);
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }
}
