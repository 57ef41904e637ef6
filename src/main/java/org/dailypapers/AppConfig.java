package org.dailypapers;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.dailypapers.ingest.HarvestConfig;
import org.dailypapers.mail.MailConfig;
import org.dailypapers.search.SearchConfig;
import org.dailypapers.search.SearchPipeline;
import org.dailypapers.store.DatabaseConfig;

/**
 * The whole configuration, validated once at start-up and passed down by constructor.
 * Sources, weakest first: built-in defaults, environment ({@code DAILYPAPERS_*}), command-line flags.
 *
 * @param loadDemo load the bundled demo dataset when the database holds no papers
 * @param search the search pipeline, embedding model and background embedding
 * @param baseUrl the public address of this instance (scheme, host, optional port and path prefix) for absolute
 *     links in mail; required with SMTP. Without SMTP (mail goes to the local outbox) and without it, a web request
 *     links to its own host and a command to http://localhost:PORT
 * @param mail SMTP, or the outbox in the data directory when no SMTP server is configured
 * @param digest email digests: when {@code serve} sends them, how many papers, the link-signing secret
 * @param community sign-in, submissions and trending ({@link CommunityConfig#fromEnv})
 * @param harvest the arXiv and Hugging Face harvesters and their daily schedule ({@code DAILYPAPERS_HARVEST_*})
 * @param allowedHosts host names (or address literals) that {@code serve} answers besides localhost, loopback and
 *     this machine's own names, when there is no base URL ({@code DAILYPAPERS_ALLOWED_HOSTS}, comma-separated)
 * @param solr the distributed search backend ({@code DAILYPAPERS_SEARCH_BACKEND=solr}, see
 *     {@link org.dailypapers.solr.SolrConfig#fromEnvironment}); empty: the embedded Lucene index alone
 */
public record AppConfig(Path dataDir, int port, DatabaseConfig database, boolean loadDemo, SearchConfig search,
        java.util.Optional<java.net.URI> baseUrl, MailConfig mail, org.dailypapers.digest.DigestConfig digest,
        CommunityConfig community, HarvestConfig harvest, java.util.List<String> allowedHosts,
        java.util.Optional<org.dailypapers.solr.SolrConfig> solr) {
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    /** The embedding model chosen on SciFact (docs/EVAL.md). */
    public static final String DEFAULT_MODEL = "bge-small-en-v1.5-q";

    public AppConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(harvest, "harvest");
        allowedHosts = java.util.List.copyOf(allowedHosts);
        Objects.requireNonNull(solr, "solr");
        if (solr.isPresent() && (search.pipeline().rm3() != null || search.pipeline().rocchio() != null)) {
            throw new IllegalArgumentException("DAILYPAPERS_SEARCH_METHOD " + search.pipeline().name() + " (pseudo-relevance "
                    + "feedback) runs on the embedded backend only; with DAILYPAPERS_SEARCH_BACKEND=solr use bm25, dense, "
                    + "hybrid or hybrid-rrf");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535 (got " + port + ")");
        }
        // Links in real mail must never be built from a request's Host header: anyone can send a request with
        // Host: evil.example and have a genuine sign-in link for someone else's address point at their server.
        // (Outbox mail is only readable on this machine, so there the request's host is safe and convenient.)
        if (mail.smtp().isPresent() && baseUrl.isEmpty()) {
            throw new IllegalArgumentException("DAILYPAPERS_BASE_URL is required when DAILYPAPERS_SMTP_HOST is set: "
                    + "links in mail (sign-in, confirm, unsubscribe) must point at this instance's public https address");
        }
    }

    /**
     * Defaults overridden by the environment, then by flags (null where a flag was not given).
     * Recognised: DAILYPAPERS_DATA, DAILYPAPERS_PORT, DAILYPAPERS_DB_URL, DAILYPAPERS_DB_USER,
     * DAILYPAPERS_DB_PASSWORD, DAILYPAPERS_DEMO (true/false), DAILYPAPERS_SEARCH_METHOD, DAILYPAPERS_SEARCH_MODEL,
     * DAILYPAPERS_EMBED (compute missing vectors in the background: true/false), DAILYPAPERS_BASE_URL, the
     * mail settings of {@link MailConfig#fromEnv}, the digest settings of
     * {@link org.dailypapers.digest.DigestConfig#fromEnv}, the community settings of {@link CommunityConfig#fromEnv}
     * the harvest settings of {@link HarvestConfig#fromEnv} and the search backend's of
     * {@link org.dailypapers.solr.SolrConfig#fromEnvironment}.
     */
    public static AppConfig resolve(Map<String, String> env, Path dataFlag, Integer portFlag) {
        Path dataDir = dataFlag != null ? dataFlag : Path.of(env.getOrDefault("DAILYPAPERS_DATA", DEFAULT_DATA_DIR.toString()));
        int port = portFlag != null ? portFlag : parsePort(env.get("DAILYPAPERS_PORT"));
        String url = env.get("DAILYPAPERS_DB_URL");
        DatabaseConfig database = url == null || url.isBlank()
                ? DatabaseConfig.sqliteIn(dataDir)
                : new DatabaseConfig(url, env.get("DAILYPAPERS_DB_USER"), env.get("DAILYPAPERS_DB_PASSWORD"), 16);
        boolean demo = parseBoolean("DAILYPAPERS_DEMO", env.getOrDefault("DAILYPAPERS_DEMO", "true"));
        SearchConfig search;
        try {
            search = SearchConfig.of(
                    env.getOrDefault("DAILYPAPERS_SEARCH_METHOD", SearchPipeline.DEFAULT_METHOD),
                    env.getOrDefault("DAILYPAPERS_SEARCH_MODEL", DEFAULT_MODEL),
                    parseBoolean("DAILYPAPERS_EMBED", env.getOrDefault("DAILYPAPERS_EMBED", "true")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DAILYPAPERS_SEARCH_METHOD / DAILYPAPERS_SEARCH_MODEL: " + e.getMessage(), e);
        }
        return new AppConfig(dataDir, port, database, demo, search, parseBaseUrl(env.get("DAILYPAPERS_BASE_URL")),
                MailConfig.fromEnv(env), org.dailypapers.digest.DigestConfig.fromEnv(env), CommunityConfig.fromEnv(env),
                HarvestConfig.fromEnv(env), parseHosts(env.get("DAILYPAPERS_ALLOWED_HOSTS")),
                org.dailypapers.solr.SolrConfig.fromEnvironment(env));
    }

    /** This configuration with other harvest settings (a command line's flags). */
    public AppConfig withHarvest(HarvestConfig other) {
        return new AppConfig(dataDir, port, database, loadDemo, search, baseUrl, mail, digest, community, other, allowedHosts, solr);
    }

    /**
     * Settings that work but are probably a mistake, one sentence each, for {@code serve} to log at start.
     * Now: digests sent over SMTP with a base URL that is not https, whose List-Unsubscribe one-click URL
     * then does not meet RFC 8058 (it wants https), so large mailbox providers may ignore it.
     */
    public java.util.List<String> warnings() {
        boolean insecureOneClick = digest.enabled() && mail.smtp().isPresent()
                && baseUrl.map(u -> !"https".equals(u.getScheme())).orElse(false);
        return insecureOneClick
                ? java.util.List.of("DAILYPAPERS_BASE_URL " + baseUrl.get() + " is not https: the one-click unsubscribe URL in"
                        + " digests (List-Unsubscribe, RFC 8058) should be https, or mail providers may ignore it")
                : java.util.List.of();
    }

    /** The configured public address, or http://localhost:PORT for links made outside a web request. */
    public java.net.URI baseUrlOrLocal() {
        return baseUrl.orElseGet(() -> java.net.URI.create("http://localhost:" + (port == 0 ? DEFAULT_PORT : port)));
    }

    /** A host name or address literal (IPv6 in brackets), with an optional port that is ignored. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.?|\\[[0-9A-Fa-f:.]+\\]");

    private static java.util.List<String> parseHosts(String raw) {
        java.util.List<String> hosts = new java.util.ArrayList<>();
        for (String part : raw == null ? new String[0] : raw.split(",")) {
            String host = part.strip().replaceFirst(":\\d{1,5}$", "");
            if (host.isEmpty()) {
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("DAILYPAPERS_ALLOWED_HOSTS: '" + part.strip()
                        + "' is not a host name or address (e.g. papers.example.org, 192.0.2.7, [2001:db8::7])");
            }
            hosts.add(host.toLowerCase(java.util.Locale.ROOT));
        }
        return hosts;
    }

    private static java.util.Optional<java.net.URI> parseBaseUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            java.net.URI uri = new java.net.URI(raw.strip().replaceAll("/+$", ""));
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new java.net.URISyntaxException(raw, "needs http(s)://host[:port][/path], without query or fragment");
            }
            return java.util.Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("DAILYPAPERS_BASE_URL '" + raw + "': " + e.getReason());
        }
    }

    private static int parsePort(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DAILYPAPERS_PORT must be a number, not '" + raw + "'");
        }
    }

    private static boolean parseBoolean(String name, String raw) {
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + raw + "'");
        };
    }
}
