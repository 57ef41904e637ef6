package org.dailypapers.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The cluster's configsets, collections and aliases (Solr's Configsets and Collections APIs). The app searches and
 * writes through an alias ({@link SolrConfig#alias()}), never a collection's own name, so that a reindex builds a
 * new collection and switches the alias to it while searches go on (see {@link SolrReindexer}).
 */
public final class SolrCollections {

    /** The configset in resources/solr/configset, as the files in it are named. */
    static final List<String> CONFIGSET_FILES = List.of("schema.xml", "solrconfig.xml", "stopwords_en.txt");

    private final SolrHttp solr;
    private final SolrConfig config;

    public SolrCollections(SolrHttp solr, SolrConfig config) {
        this.solr = solr;
        this.config = config;
    }

    /**
     * Makes the alias usable: uploads the configset when the cluster lacks it, and when the alias does not exist
     * yet, creates a first collection and points the alias at it. Returns the collection the alias names.
     */
    public String ensureAlias() {
        ensureConfigSet();
        Optional<String> target = aliasTarget(config.alias());
        if (target.isPresent()) {
            return target.get();
        }
        String collection = newCollectionName();
        createCollection(collection);
        setAlias(config.alias(), collection);
        return collection;
    }

    /** Uploads the repository's configset under {@link SolrConfig#configSet()} unless the cluster has it. */
    public void ensureConfigSet() {
        JsonNode list = solr.get("admin/configs", Map.of("action", "LIST"));
        for (JsonNode name : list.path("configSets")) {
            if (name.asText().equals(config.configSet())) {
                return;
            }
        }
        solr.postBytes("admin/configs", Map.of("action", "UPLOAD", "name", config.configSet()), configSetZip(),
                "application/octet-stream");
    }

    /** The configset's files as the zip the upload API takes. */
    static byte[] configSetZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : CONFIGSET_FILES) {
                try (InputStream in = SolrCollections.class.getResourceAsStream("/solr/configset/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the jar lacks solr/configset/" + file);
                    }
                    zip.putNextEntry(new ZipEntry(file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Creates a collection on the configset with the configured shards and replicas; waits until it is active. */
    public void createCollection(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("action", "CREATE");
        p.put("name", name);
        p.put("collection.configName", config.configSet());
        p.put("numShards", Integer.toString(config.shards()));
        p.put("replicationFactor", Integer.toString(config.replicas()));
        p.put("waitForFinalState", "true");
        solr.get("admin/collections", p);
    }

    public void deleteCollection(String name) {
        solr.get("admin/collections", Map.of("action", "DELETE", "name", name));
    }

    public List<String> collections() {
        JsonNode list = solr.get("admin/collections", Map.of("action", "LIST"));
        return java.util.stream.StreamSupport.stream(list.path("collections").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    /** Points an alias at one collection (creating or moving it: atomic for searches). */
    public void setAlias(String alias, String collection) {
        solr.get("admin/collections", Map.of("action", "CREATEALIAS", "name", alias, "collections", collection));
    }

    public void deleteAlias(String alias) {
        solr.get("admin/collections", Map.of("action", "DELETEALIAS", "name", alias));
    }

    /** The collection an alias names, if the alias exists. */
    public Optional<String> aliasTarget(String alias) {
        JsonNode aliases = solr.get("admin/collections", Map.of("action", "LISTALIASES")).path("aliases");
        return aliases.has(alias) ? Optional.of(aliases.get(alias).asText()) : Optional.empty();
    }

    /** A collection name not used before: the alias plus the current time, e.g. {@code papers_20261202T153012123}. */
    String newCollectionName() {
        return config.alias() + "_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
    }
}
