package org.dailypapers.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Recorded arXiv API answers (copied from ../shared/data/arxiv-api/: each file is {url, status_code, body})
 * served by a {@link ReplayServer}: a request gets the recording whose {@code id_list} matches its own.
 */
public final class ArxivReplay {
    public static final String PATH = "/api/query";

    private ArxivReplay() {}

    /** The recording as a reply (status and Atom body as recorded). */
    public static ReplayServer.Reply reply(String fixture) {
        try (InputStream in = ArxivReplay.class.getResourceAsStream("/fixtures/arxiv-api/" + fixture + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded arXiv answer " + fixture);
            }
            JsonNode recorded = new ObjectMapper().readTree(in);
            return ReplayServer.Reply.status(recorded.path("status_code").asInt(), recorded.path("body").asText(),
                    "application/atom+xml; charset=utf-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves each recording to requests for the same {@code id_list}. */
    public static ReplayServer serve(ReplayServer server, String... fixtures) {
        for (String fixture : fixtures) {
            String ids = idList(recordedUrl(fixture));
            server.when(r -> r.path().equals(PATH) && ids.equals(idList(r.query())), reply(fixture));
        }
        return server;
    }

    /** The API's base URL on the replay server, for DAILYPAPERS_ARXIV_API_URL. */
    public static URI baseUrl(ReplayServer server) {
        return server.url(PATH);
    }

    private static String recordedUrl(String fixture) {
        try (InputStream in = ArxivReplay.class.getResourceAsStream("/fixtures/arxiv-api/" + fixture + ".json")) {
            return new ObjectMapper().readTree(in).path("url").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String idList(String urlOrQuery) {
        String query = urlOrQuery.contains("?") ? urlOrQuery.substring(urlOrQuery.indexOf('?') + 1) : urlOrQuery;
        for (String pair : query.split("&")) {
            if (pair.startsWith("id_list=")) {
                return URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
