package org.dailypapers.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Real parsers for the three formats, as feed readers use them: ROME for RSS and Atom (after the JDK's XML
 * parser has checked that the document is well-formed), and a JSON Schema validator for JSON Feed 1.1.
 */
public final class FeedParsers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema JSON_FEED = jsonFeedSchema();

    private FeedParsers() {}

    /** The RSS 2.0 channel of {@code xml}; fails the test when it is not well-formed or not RSS 2.0. */
    public static Channel rss(String xml) {
        WireFeed feed = rome(xml);
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        return (Channel) feed;
    }

    /** The Atom feed of {@code xml}; fails the test when it is not well-formed or not Atom 1.0. */
    public static Feed atom(String xml) {
        WireFeed feed = rome(xml);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        return (Feed) feed;
    }

    /** The JSON Feed of {@code json}, checked against the 1.1 spec's schema (src/test/resources/syndication). */
    public static JsonNode jsonFeed(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Set<ValidationMessage> errors = JSON_FEED.validate(node);
            assertThat(errors).as("JSON Feed 1.1 schema").isEmpty();
            return node;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage(), e);
        }
    }

    /** The local names of every element of a well-formed XML document, in document order. */
    public static List<String> elementNames(String xml) {
        NodeList all = dom(xml).getElementsByTagName("*");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            names.add(all.item(i).getLocalName());
        }
        return names;
    }

    /** The document, parsed by the JDK with namespaces and without DTDs; fails the test when not well-formed. */
    public static Document dom(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static WireFeed rome(String xml) {
        dom(xml);
        try {
            return new WireFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("ROME cannot read the feed: " + e.getMessage(), e);
        }
    }

    private static JsonSchema jsonFeedSchema() {
        try (InputStream in = FeedParsers.class.getResourceAsStream("/syndication/jsonfeed-1.1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
