package org.dailypapers.paper;

/**
 * Brackets a write of papers to the database together with what follows it (the search index), so that the
 * owner of what follows can tell, when it closes, that no such write is half done. {@link #enter} before the
 * database write; the {@link Runnable} it returns once what follows has the papers, or has failed to.
 */
@FunctionalInterface
public interface WriteFence {
    /** Nothing follows the database (the demo import, tests). */
    WriteFence NONE = () -> () -> {};

    /**
     * Starts a write. Throws when the follower is closing: the write must not start, since nothing would follow
     * it. The returned action ends the write; running it again does nothing.
     */
    Runnable enter();
}
