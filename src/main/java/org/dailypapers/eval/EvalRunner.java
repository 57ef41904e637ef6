package org.dailypapers.eval;

import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.PaperIndex;
import org.dailypapers.search.Retriever;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchDocument;
import org.dailypapers.search.SearchEngine;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.VectorStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates search pipelines on a BEIR collection: builds one in-memory index of the corpus (with vectors when
 * an embedder is given; pass a {@link org.dailypapers.search.CachedEmbedder} to encode a corpus once), runs
 * every judged query of a split and averages nDCG@10, Recall@100 and MRR@10. Queries are bags of words, as in
 * the BEIR baselines: double quotes are removed so that no claim turns into a required phrase. Not
 * thread-safe; close it to free the index.
 */
public final class EvalRunner implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(EvalRunner.class);

    private final BeirDataset dataset;
    private final Embedder embedder;
    private final PaperIndex index;
    private final int hits;

    /**
     * @param embedder encodes the corpus and queries for dense pipelines, or null for lexical ones only
     * @param hits how many results each query retrieves (1000, as Anserini; at least 100 for Recall@100)
     */
    public EvalRunner(BeirDataset dataset, Embedder embedder, VectorStorage storage, int hits) {
        this.dataset = dataset;
        this.embedder = embedder;
        this.hits = hits;
        this.index = PaperIndex.inMemory(storage);
        long start = System.nanoTime();
        List<SearchDocument> corpus = dataset.corpus();
        List<float[]> vectors = embedder == null ? null
                : embedder.embedDocuments(corpus.stream().map(SearchDocument::embeddingText).toList());
        for (int i = 0; i < corpus.size(); i++) {
            index.upsert(corpus.get(i), vectors == null ? null : vectors.get(i));
        }
        index.commit();
        LOG.info("indexed {} documents{} in {} ms", corpus.size(), embedder == null ? "" : " with vectors",
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs every query of {@code split} through the pipeline and scores the run. */
    public Evaluation evaluate(SearchPipeline pipeline, String split) throws IOException {
        SearchEngine engine = new SearchEngine(index, pipeline.needsVectors() ? embedder : null, pipeline);
        return evaluate(dataset, engine, pipeline.name(), split, hits);
    }

    /**
     * Runs every query of {@code split} through a retriever over {@code dataset}'s corpus and scores the run (also
     * for a corpus indexed elsewhere, e.g. {@link SolrEvalRunner}).
     */
    static Evaluation evaluate(BeirDataset dataset, Retriever engine, String method, String split, int hits)
            throws IOException {
        Qrels qrels = dataset.qrels(split);
        Map<String, List<ScoredPaper>> results = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (String q : qrels.judgements().keySet()) {
            String text = dataset.queries().get(q);
            if (text == null) {
                throw new IllegalStateException("query " + q + " of " + split + " has no text in queries.jsonl");
            }
            // As BEIR does (ignore_identical_ids): a collection may hold its queries in the corpus (ArguAna,
            // Quora), where the query itself would be found first; its own id is dropped from its results.
            results.put(q, engine.retrieve(SearchRequest.of(text.replace('"', ' '), hits)).stream()
                    .filter(found -> !found.id().equals(q)).toList());
        }
        double ms = (System.nanoTime() - start) / 1e6 / Math.max(1, qrels.judgements().size());
        Run run = new Run(engine.tag(), results);
        return new Evaluation(score(method, run, qrels, ms), run);
    }

    /**
     * Averages nDCG@10, Recall@100 and MRR@10 of a run over every judged query of {@code qrels} (a query the
     * run did not answer counts as 0).
     */
    public static EvalResult score(String method, Run run, Qrels qrels, double millisPerQuery) {
        double ndcg = 0, recall = 0, mrr = 0;
        for (String q : qrels.judgements().keySet()) {
            List<String> ids = run.ranking(q);
            ndcg += Metrics.ndcg(ids, qrels.of(q), 10);
            recall += Metrics.recall(ids, qrels.of(q), 100);
            mrr += Metrics.reciprocalRank(ids, qrels.of(q), 10);
        }
        int n = Math.max(1, qrels.judgements().size());
        return new EvalResult(method, run.tag(), qrels.judgements().size(), ndcg / n, recall / n, mrr / n,
                millisPerQuery);
    }

    /** A scored run. */
    public record Evaluation(EvalResult result, Run run) {}

    @Override
    public void close() throws IOException {
        index.close();
    }
}
