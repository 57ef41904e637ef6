package org.dailypapers.solr;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.dailypapers.search.Embedder;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchBackend;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.search.SearchRequest;

/**
 * Searches on a SolrCloud alias ({@link SolrConfig#alias()}): each pipeline is a {@link SolrSearchEngine}, Solr's
 * BM25 and kNN candidates fused by the app, as {@code eval --backend} does. Any failure of Solr (no node reachable,
 * a timeout, a 5xx, a 4xx such as a missing alias, an answer that is not Solr's) is reported as
 * {@link SearchBackend.Unavailable}, so that the node answers from its own index meanwhile. Thread-safe.
 */
public final class SolrBackend implements SearchBackend {

    private final SolrPaperIndex index;

    /** @param solr for searches: give it short timeouts ({@link SolrConfig#queryTimeout()}), a search waits on them */
    public SolrBackend(SolrHttp solr, SolrConfig config) {
        this.index = new SolrPaperIndex(solr, config.alias());
    }

    @Override
    public Engine engine(SearchPipeline pipeline, Embedder embedder) {
        SolrSearchEngine engine = new SolrSearchEngine(index, embedder, pipeline);
        return new Engine() {
            @Override
            public List<ScoredPaper> retrieve(SearchRequest request) {
                return unavailableOnFailure(() -> engine.retrieve(request));
            }

            @Override
            public List<ScoredPaper> similar(String id, int k) {
                return unavailableOnFailure(() -> engine.similar(id, k));
            }

            @Override
            public String tag() {
                return engine.tag();
            }
        };
    }

    @Override
    public String name() {
        return "solr";
    }

    private static <T> T unavailableOnFailure(Supplier<T> call) {
        try {
            return call.get();
        } catch (SolrException e) {
            // a 4xx too (e.g. the alias does not exist yet on a new cluster): a page never fails because of Solr;
            // the log and /health say the node answers locally, and why
            throw new Unavailable(e.getMessage(), e);
        } catch (UncheckedIOException e) { // not Solr's JSON: a proxy's error page
            throw new Unavailable(e.getMessage(), e);
        }
    }
}
