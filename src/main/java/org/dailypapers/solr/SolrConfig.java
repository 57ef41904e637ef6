package org.dailypapers.solr;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the solr search backend keeps papers.
 *
 * @param urls base URLs of one or more SolrCloud nodes, comma-separated ({@code http://solr1:8983/solr,...})
 * @param alias the alias the app searches and writes through; each reindex builds a collection named after it
 * @param configSet the name of the configset uploaded from the repository (resources/solr/configset); a new name
 *     for a changed schema, so that a reindex builds on it
 * @param shards shards of a new collection
 * @param replicas replicas of each shard (2: a node can be lost)
 */
public record SolrConfig(String urls, String alias, String configSet, int shards, int replicas, Duration timeout) {

    public static final String CONFIGSET = "dailypapers-v1";

    public SolrConfig {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("DAILYPAPERS_SOLR_URL: give the base URL of a Solr node, e.g. http://localhost:8983/solr");
        }
        if (alias == null || !alias.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("DAILYPAPERS_SOLR_COLLECTION: letters, digits, '_' and '-' only: " + alias);
        }
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("DAILYPAPERS_SOLR_SHARDS / _REPLICAS must be at least 1");
        }
    }

    /** A backend on these nodes with the defaults: alias {@code dailypapers}, 2 shards x 2 replicas. */
    public static SolrConfig of(String urls) {
        return new SolrConfig(urls, "dailypapers", CONFIGSET, 2, 2, Duration.ofSeconds(30));
    }

    /**
     * How long a search may wait for Solr before the node answers from its own index: {@link #timeout()}, at most
     * 5 s (writes and collection changes keep the longer one).
     */
    public Duration queryTimeout() {
        return timeout.compareTo(QUERY_TIMEOUT) < 0 ? timeout : QUERY_TIMEOUT;
    }

    /** How long a search waits for a connection to one Solr node before it tries the next. */
    public static final Duration QUERY_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    public SolrConfig withAlias(String newAlias) {
        return new SolrConfig(urls, newAlias, configSet, shards, replicas, timeout);
    }

    /**
     * The configuration from the environment: empty unless {@code DAILYPAPERS_SEARCH_BACKEND=solr}
     * ({@code embedded}, the default, is the in-process Lucene index); then {@code DAILYPAPERS_SOLR_URL} is
     * required and {@code DAILYPAPERS_SOLR_COLLECTION}, {@code DAILYPAPERS_SOLR_SHARDS},
     * {@code DAILYPAPERS_SOLR_REPLICAS} may change the defaults.
     */
    public static Optional<SolrConfig> fromEnvironment(Map<String, String> env) {
        String backend = env.getOrDefault("DAILYPAPERS_SEARCH_BACKEND", "embedded").strip();
        if (backend.equals("embedded")) {
            return Optional.empty();
        }
        if (!backend.equals("solr")) {
            throw new IllegalArgumentException("DAILYPAPERS_SEARCH_BACKEND: 'embedded' or 'solr', not '" + backend + "'");
        }
        SolrConfig d = of(env.getOrDefault("DAILYPAPERS_SOLR_URL", ""));
        try {
            return Optional.of(new SolrConfig(d.urls(), env.getOrDefault("DAILYPAPERS_SOLR_COLLECTION", d.alias()),
                    CONFIGSET, Integer.parseInt(env.getOrDefault("DAILYPAPERS_SOLR_SHARDS", "2")),
                    Integer.parseInt(env.getOrDefault("DAILYPAPERS_SOLR_REPLICAS", "2")), d.timeout()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DAILYPAPERS_SOLR_SHARDS / _REPLICAS: not a number: " + e.getMessage(), e);
        }
    }
}
