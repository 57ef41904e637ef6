package org.dailypapers.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The solr backend's settings: off by default, validated with the setting named. */
class SolrConfigTest {

    @Test
    void the_embedded_index_is_the_default() {
        assertThat(SolrConfig.fromEnvironment(Map.of())).isEmpty();
        assertThat(SolrConfig.fromEnvironment(Map.of("DAILYPAPERS_SEARCH_BACKEND", "embedded"))).isEmpty();
    }

    @Test
    void solr_takes_its_nodes_alias_and_layout_from_the_environment() {
        SolrConfig c = SolrConfig.fromEnvironment(Map.of("DAILYPAPERS_SEARCH_BACKEND", "solr",
                "DAILYPAPERS_SOLR_URL", "http://a:8983/solr,http://b:8983/solr", "DAILYPAPERS_SOLR_COLLECTION", "papers",
                "DAILYPAPERS_SOLR_SHARDS", "4")).orElseThrow();
        assertThat(c.urls()).isEqualTo("http://a:8983/solr,http://b:8983/solr");
        assertThat(c.alias()).isEqualTo("papers");
        assertThat(c.shards()).isEqualTo(4);
        assertThat(c.replicas()).isEqualTo(2);
        assertThat(new SolrHttp(c.urls(), c.timeout()).nodes()).hasSize(2);
    }

    @Test
    void bad_settings_are_refused_with_their_name() {
        assertThatThrownBy(() -> SolrConfig.fromEnvironment(Map.of("DAILYPAPERS_SEARCH_BACKEND", "elastic")))
                .hasMessageContaining("DAILYPAPERS_SEARCH_BACKEND");
        assertThatThrownBy(() -> SolrConfig.fromEnvironment(Map.of("DAILYPAPERS_SEARCH_BACKEND", "solr")))
                .hasMessageContaining("DAILYPAPERS_SOLR_URL");
        assertThatThrownBy(() -> SolrConfig.fromEnvironment(Map.of("DAILYPAPERS_SEARCH_BACKEND", "solr",
                "DAILYPAPERS_SOLR_URL", "http://a/solr", "DAILYPAPERS_SOLR_COLLECTION", "../x")))
                .hasMessageContaining("DAILYPAPERS_SOLR_COLLECTION");
        assertThatThrownBy(() -> new SolrHttp("ftp://a/solr", java.time.Duration.ofSeconds(1)))
                .hasMessageContaining("http");
    }

    @Test
    void the_configset_zip_holds_the_repository_files() throws Exception {
        byte[] zip = SolrCollections.configSetZip();
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactlyElementsOf(SolrCollections.CONFIGSET_FILES);
    }
}
