package org.dailypapers.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.dailypapers.App;
import org.dailypapers.ingest.PaperExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code export}: writes every paper as Daily Papers JSON Lines (what {@code import} reads back). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export all papers and feed entries as JSON Lines (gzipped when FILE ends in .gz). "
                + "The bundled demo dataset is such a file.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @Parameters(paramLabel = "FILE", description = "Where to write; written to a temporary file first, then moved.")
    Path file;

    @Override
    public Integer call() throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), ".export", ".part");
        try (App app = data.openExisting()) {
            long count;
            try (OutputStream raw = Files.newOutputStream(partial);
                    OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                count = new PaperExporter(app.papers()).export(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("Exported " + count + " papers to " + file);
            return 0;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
