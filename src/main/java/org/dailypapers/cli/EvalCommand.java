package org.dailypapers.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dailypapers.eval.BeirDataset;
import org.dailypapers.eval.EvalResult;
import org.dailypapers.eval.EvalRunner;
import org.dailypapers.eval.PairedComparison;
import org.dailypapers.eval.Qrels;
import org.dailypapers.eval.Run;
import org.dailypapers.eval.RunFusion;
import org.dailypapers.eval.SolrEvalRunner;
import org.dailypapers.eval.TrecRunWriter;
import org.dailypapers.search.CachedEmbedder;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.FusionParams;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.solr.SolrConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: scores search methods on a BEIR collection and prints one line per method, e.g.
 * {@code method=bm25 nDCG@10=0.6789 Recall@100=0.9253 MRR@10=0.6421}; the run tag and timing go to stderr.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = EvalRecommendCommand.class,
        description = "Evaluate search methods on a BEIR dataset (nDCG@10, Recall@100, MRR@10).")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--dataset", description = "BEIR directory (corpus.jsonl, queries.jsonl, qrels/); required unless --known-item")
    Path dataset;

    @Option(names = "--known-item", paramLabel = "LISTINGS",
            description = "instead of a BEIR dataset: known-item search over arXiv listings (JSON lines, .gz allowed, "
                    + "e.g. ../shared/data/arxiv-listings.jsonl.gz): titles typed from memory (words dropped, misspelt, "
                    + "reordered, cut short) must find their paper first; prints Success@1 and MRR@10")
    Path knownItem;

    @Option(names = "--known-item-queries", defaultValue = "1000", description = "known-item queries (default: ${DEFAULT-VALUE})")
    int knownItemQueries;

    @Option(names = "--seed", defaultValue = "11", description = "seed of the known-item queries (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--split", defaultValue = "test", description = "qrels split (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--method", defaultValue = SearchPipeline.DEFAULT_METHOD, split = ",",
            description = "one or more of bm25, bm25+rm3, dense, dense+prf, hybrid, hybrid-rrf, hybrid+rm3, hybrid+prf "
                    + "(default: ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--run-file", description = "write a TREC run file (with several methods: one per method, "
            + "the method name added before the extension)")
    Path runFile;

    @Option(names = "--cache", defaultValue = "data/cache", description = "embedding cache (default: ${DEFAULT-VALUE})")
    Path cache;

    @Option(names = "--hits", defaultValue = "1000", description = "results per query (default: ${DEFAULT-VALUE})")
    int hits;

    @Option(names = "--fuse", paramLabel = "RUNFILE=WEIGHT",
            description = "instead of running methods, fuse these TREC run files (from --run-file) with the product's "
                    + "fusion (--fusion, --fusion-depth, --fusion-k) and score the result; repeat per run")
    Map<Path, Double> fuse = new LinkedHashMap<>();

    @Option(names = "--compare", paramLabel = "RUNFILE", arity = "2",
            description = "instead of running methods, compare two TREC run files query by query on nDCG@10: "
                    + "mean difference (second minus first), its standard error, queries better and worse")
    List<Path> compare = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "SOLR_URL",
            description = "evaluate on a SolrCloud cluster instead of the embedded index: base URLs of its nodes, "
                    + "comma-separated (http://localhost:8983/solr); the corpus goes into a new collection, deleted after")
    String backend;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (knownItem != null) {
            return knownItem();
        }
        if (dataset == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --dataset (or --known-item LISTINGS)");
        }
        if (!compare.isEmpty()) {
            Qrels qrels = BeirDataset.qrels(dataset, split);
            result(PairedComparison.of(readRun(compare.get(0)), readRun(compare.get(1)), qrels).summary());
            return 0;
        }
        if (!fuse.isEmpty()) {
            return fuseRuns();
        }
        List<SearchPipeline> pipelines = methods.stream().map(pipeline::build).toList();
        BeirDataset data = BeirDataset.load(dataset);
        data.qrels(split); // a missing split fails now, not after the corpus is encoded
        Embedder embedder = null;
        if (pipelines.stream().anyMatch(SearchPipeline::needsVectors)) {
            embedder = new CachedEmbedder(pipeline.embedder(), cache);
        }
        if (backend != null) {
            try (SolrEvalRunner runner = new SolrEvalRunner(data, embedder, SolrConfig.of(backend), hits)) {
                detail("  indexed %d documents into Solr at %.0f docs/s%n", data.corpus().size(), runner.docsPerSecond());
                for (SearchPipeline p : pipelines) {
                    report(runner.evaluate(p, split), p, pipelines.size());
                }
            }
            return 0;
        }
        try (EvalRunner runner = new EvalRunner(data, embedder, pipeline.vectors, hits)) {
            for (SearchPipeline p : pipelines) {
                report(runner.evaluate(p, split), p, pipelines.size());
            }
        }
        return 0;
    }

    private void report(EvalRunner.Evaluation e, SearchPipeline p, int methods) throws IOException {
        result(e.result().summary());
        detail("  tag=%s split=%s queries=%d ms/query=%.2f%n", e.result().tag(), split, e.result().queries(),
                e.result().millisPerQuery());
        if (runFile != null) {
            new TrecRunWriter().write(e.run(), methods == 1 ? runFile : perMethod(runFile, p.name()));
        }
    }

    /**
     * Known-item search on arXiv listings. Papers are indexed without vectors unless the cache has them (a hybrid
     * pipeline then ranks such papers by BM25, as a server does while it embeds), so only --cache makes the dense
     * side take part.
     */
    private int knownItem() throws Exception {
        if (!Files.isRegularFile(knownItem)) {
            throw new IllegalArgumentException("no listings file " + knownItem);
        }
        List<org.dailypapers.search.SearchDocument> docs = org.dailypapers.eval.ArxivListings.read(knownItem, Integer.MAX_VALUE);
        List<org.dailypapers.eval.KnownItemQueries.Query> queries =
                org.dailypapers.eval.KnownItemQueries.generate(docs, knownItemQueries, seed);
        List<SearchPipeline> pipelines = methods.stream().map(pipeline::build).toList();
        Embedder embedder = pipelines.stream().anyMatch(SearchPipeline::needsVectors) ? new CachedEmbedder(pipeline.embedder(), cache) : null;
        try (org.dailypapers.search.PaperIndex index = org.dailypapers.search.PaperIndex.inMemory(pipeline.vectors)) {
            int withVectors = 0;
            for (org.dailypapers.search.SearchDocument d : docs) {
                float[] v = embedder instanceof CachedEmbedder c ? c.cached(d.embeddingText()) : null;
                withVectors += v == null ? 0 : 1;
                index.upsert(d, v);
            }
            index.commit();
            detail("  indexed %d listings, %d with a cached vector; %d queries, seed %d%n", docs.size(), withVectors,
                    queries.size(), seed);
            for (SearchPipeline p : pipelines) {
                var engine = new org.dailypapers.search.SearchEngine(index, p.needsVectors() ? embedder : null, p);
                var r = org.dailypapers.eval.KnownItemEval.run(engine, queries);
                result(r.summary(p.name()));
                detail("  tag=%s ms/query=%.2f%n", r.tag(), r.millisPerQuery());
                r.missed().stream().limit(20).forEach(m -> detail("  missed %s%n", m));
            }
        }
        return 0;
    }

    /** Scores the fusion of existing run files: no index, no model. */
    private int fuseRuns() throws Exception {
        Qrels qrels = BeirDataset.qrels(dataset, split);
        List<Run> runs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Map.Entry<Path, Double> e : fuse.entrySet()) {
            runs.add(readRun(e.getKey()));
            weights.add(e.getValue());
        }
        FusionParams f = FusionParams.DEFAULT;
        FusionParams params = new FusionParams(pipeline.fusion != null ? pipeline.fusion : f.method(), f.denseWeight(),
                pipeline.fusionK != null ? pipeline.fusionK : f.rrfK(), pipeline.fusionDepth != null ? pipeline.fusionDepth : f.depth());
        Run fused = RunFusion.fuse(runs, weights, params, hits);
        EvalResult result = EvalRunner.score("fuse", fused, qrels, 0);
        result(result.summary());
        detail("  tag=%s split=%s queries=%d%n", result.tag(), split, result.queries());
        if (runFile != null) {
            new TrecRunWriter().write(fused, runFile);
        }
        return 0;
    }

    /** A result line, on standard output (what scripts read). */
    private void result(String line) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
    }

    /** A detail of the run (tag, timing), on standard error. */
    private void detail(String format, Object... args) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, format, args);
        err.flush();
    }

    private static Run readRun(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no run file " + file);
        }
        return Run.readTrec(file);
    }

    private static Path perMethod(Path file, String method) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        return file.resolveSibling(base + "." + method.replace('+', '-') + ext);
    }
}
