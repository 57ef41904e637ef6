package org.dailypapers.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.dailypapers.paper.PaperRepository;

/**
 * Writes every paper, with its feed entry and its Hugging Face discussion id and linked repositories, as Daily
 * Papers JSON Lines ({@link ExportFormat}), in id order. The links are read first, all at once (one small row per
 * paper imported from Hugging Face), then joined to the papers as they stream.
 */
public final class PaperExporter {
    private final PaperRepository papers;
    private final ObjectMapper json = new ObjectMapper();

    public PaperExporter(PaperRepository papers) {
        this.papers = papers;
    }

    /** @return how many papers were written; {@code out} is flushed, not closed */
    public long export(OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long[] count = {0};
        var links = papers.allHubLinks();
        papers.forEach(record -> {
            try {
                writer.write(json.writeValueAsString(ExportFormat.write(json, record, links.get(record.paper().id()))));
                writer.write('\n');
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }
}
