package org.dailypapers.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dailypapers.eval.ArxivListings;
import org.dailypapers.search.EmbeddingModelName;
import org.dailypapers.search.OnnxEmbedder;
import org.dailypapers.search.OnnxEmbedder.DocumentEncoding;
import org.dailypapers.search.SearchDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench embed}: document encoding rate of several encoder settings on the same papers, run in
 * alternation (A, B, A, B...) so that the machine's other load falls on each alike. Prints wall rate, process
 * CPU per paper, and how far each setting's vectors are from the first one's (cosine).
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Compare document encoding settings side by side on the same papers.")
public final class BenchEmbedCommand implements Callable<Integer> {

    @Option(names = "--listings", defaultValue = "../shared/data/arxiv-listings.jsonl.gz",
            description = "papers to encode (default: ${DEFAULT-VALUE})")
    Path listings;

    @Option(names = "--papers", defaultValue = "2000", description = "papers encoded per run (default: ${DEFAULT-VALUE})")
    int papers;

    @Option(names = "--rounds", defaultValue = "2", description = "runs of each setting, alternating (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--model", defaultValue = "bge-small-en-v1.5-q", description = "embedding model (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--variant", split = ";", defaultValue = "one-by-one;batched",
            description = "settings to compare, ';'-separated: one-by-one (LangChain4j, the code before issue 16) or "
                    + "batched, each optionally with ':threads=T,intra=I,tokens=N,batch=B' (default: ${DEFAULT-VALUE})")
    List<String> variants;

    @Override
    public Integer call() throws Exception {
        List<String> texts = ArxivListings.read(listings, papers).stream().map(SearchDocument::embeddingText).toList();
        EmbeddingModelName name = EmbeddingModelName.parse(model);
        Map<String, OnnxEmbedder> embedders = new LinkedHashMap<>();
        for (String v : variants) {
            embedders.put(v, load(name, v));
        }
        System.out.printf(Locale.ROOT, "%d papers, %d rounds, %d cores; load average before %.2f%n", texts.size(), rounds,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        embedders.values().forEach(e -> e.embedDocuments(texts.subList(0, Math.min(64, texts.size())))); // warm-up
        List<float[]> reference = null;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (var e : embedders.entrySet()) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                List<float[]> vectors = e.getValue().embedDocuments(texts);
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
                if (reference == null) {
                    reference = vectors;
                }
                double[] cos = cosines(reference, vectors);
                System.out.printf(Locale.ROOT, "round %d  %-40s %7.1f papers/s  %6.1f s  CPU %6.1f ms/paper  cosine to first: "
                                + "min %.4f mean %.5f  load %.2f%n", round, e.getKey(), texts.size() / secs, secs,
                        cpuMs / texts.size(), cos[0], cos[1], os.getSystemLoadAverage());
            }
        }
        embedders.values().forEach(OnnxEmbedder::close);
        return 0;
    }

    private static OnnxEmbedder load(EmbeddingModelName name, String variant) {
        String[] parts = variant.split(":", 2);
        Map<String, Integer> p = new LinkedHashMap<>(Map.of("threads", Runtime.getRuntime().availableProcessors(),
                "intra", 1, "tokens", DocumentEncoding.DEFAULT.maxTokens(), "batch", DocumentEncoding.DEFAULT.maxBatch()));
        if (parts.length > 1) {
            for (String kv : parts[1].split(",")) {
                String[] pair = kv.split("=", 2);
                if (pair.length != 2 || !p.containsKey(pair[0].strip())) {
                    throw new IllegalArgumentException("bad setting '" + kv + "' in " + variant + ": expected threads=, intra=, tokens= or batch=");
                }
                p.put(pair[0].strip(), Integer.parseInt(pair[1].strip()));
            }
        }
        DocumentEncoding documents = switch (parts[0].strip()) {
            case "one-by-one" -> DocumentEncoding.ONE_BY_ONE;
            case "batched" -> new DocumentEncoding(true, p.get("tokens"), p.get("batch"));
            default -> throw new IllegalArgumentException("unknown variant '" + parts[0] + "': one-by-one or batched");
        };
        return OnnxEmbedder.load(name, p.get("threads"), p.get("intra"), false, documents);
    }

    private static double[] cosines(List<float[]> a, List<float[]> b) {
        double min = 1;
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            double dot = 0;
            for (int d = 0; d < a.get(i).length; d++) {
                dot += a.get(i)[d] * b.get(i)[d];
            }
            min = Math.min(min, dot);
            sum += dot;
        }
        return new double[] {min, sum / a.size()};
    }
}
