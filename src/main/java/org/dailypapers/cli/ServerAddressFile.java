package org.dailypapers.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code server.url} in the data directory: the address of the {@code serve} running on it, with that process's
 * id. Written once serve listens and removed when it stops, so that {@code digest send} run beside it (cron on
 * the same machine, no DAILYPAPERS_BASE_URL) mails links to the port it actually serves, not to 8080. A file
 * left by a server that died without removing it names a process that is gone and is ignored.
 */
final class ServerAddressFile {
    static final String NAME = "server.url";

    private ServerAddressFile() {}

    /** Records that this process serves {@code url} on the data directory (atomically: a reader never sees half). */
    static void write(Path dataDir, URI url) {
        Path file = dataDir.resolve(NAME);
        Path partial = dataDir.resolve(NAME + ".partial");
        try {
            Files.writeString(partial, url + "\n" + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(NAME));
        } catch (IOException e) {
            // at exit: the next reader sees that the process is gone
        }
    }

    /** The address of the server running on the data directory; empty when none is (no file, or its process is gone). */
    static Optional<URI> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(1).strip());
            boolean running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return running ? Optional.of(URI.create(lines.get(0).strip())) : Optional.empty();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            // unreadable or not ours: as if no server said where it is
            return Optional.empty();
        }
    }
}
