package org.dailypapers.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread, so that the embedding backlog yields the cores to page
 * requests. Java's thread priorities do nothing on Linux, but Linux schedules threads as tasks with their own
 * nice value: the thread finds its task id in {@code /proc/thread-self} and {@code renice}s itself (a raised
 * nice value needs no privilege). ONNX Runtime runs an encoding on the calling thread when it has one intra-op
 * thread, so the encoding runs at the lowered priority. Best effort: elsewhere (no {@code /proc}, no
 * {@code renice}) the thread keeps its priority, logged once.
 */
final class BackgroundPriority {
    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    /** nice 10: about a tenth of the CPU share of a nice-0 thread when both want a core (Linux CFS weights). */
    static final int NICE = 10;
    private static volatile boolean warned;

    private BackgroundPriority() {}

    /** Lowers this thread's priority; returns whether it could. */
    static boolean lowerCurrentThread() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
            String tid = self.getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return true;
            }
            renice.destroy();
            warnOnce("renice exited with " + (renice.isAlive() ? "no answer" : renice.exitValue()));
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The nice value of this thread, from {@code /proc/thread-self/stat} (field 19); for tests. */
    static int currentNice() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // fields after the name start at field 3
    }

    private static void warnOnce(String why) {
        if (!warned) {
            warned = true;
            log.info("Embedding threads keep their normal CPU priority ({}): the backlog competes with page requests", why);
        }
    }
}
