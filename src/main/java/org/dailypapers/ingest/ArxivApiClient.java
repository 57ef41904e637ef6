package org.dailypapers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dailypapers.ingest.ArxivApiException.Kind;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;

/**
 * Looks papers up in the arXiv API (an Atom feed per query, https://info.arxiv.org/help/api/user-manual.html).
 * Only the document's own elements are read, through {@link SafeXml} (no DTDs, no external entities).
 * Thread-safe.
 *
 * <p>arXiv reports a bad query either as HTTP 400 or as HTTP 200 with one entry titled "Error" whose id
 * points into {@code /api/errors}; both become {@link Kind#REJECTED}. An id arXiv does not know yields an
 * empty feed, which is {@link Optional#empty()}.
 */
public final class ArxivApiClient {
    public static final URI DEFAULT_URL = URI.create("https://export.arxiv.org/api/query");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ARXIV = "http://arxiv.org/schemas/atom";
    /** A feed of one entry is a few kilobytes; anything far larger is not what we asked for. */
    private static final int MAX_BODY = 2 << 20;

    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    /** @param timeout for the whole exchange: connecting, the headers and the whole body */
    public ArxivApiClient(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The paper with this id (its latest metadata; the publication date of its first version).
     *
     * @throws ArxivApiException when arXiv refuses the query, fails, or does not answer within the timeout
     */
    public Optional<Paper> find(ArxivId id) throws ArxivApiException {
        URI uri = URI.create(baseUrl + "?id_list=" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8) + "&max_results=1");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", "DailyPapers (self-hosted; paper submission)").GET().build();
        HttpResponse<CappedBody> response;
        // One deadline for the whole exchange: HttpRequest.timeout stops counting once the headers arrive, so a
        // server trickling its body would otherwise hold the caller (a person's submission) indefinitely.
        var pending = http.sendAsync(request, CappedBody.handler(MAX_BODY));
        try {
            response = pending.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            throw new ArxivApiException(Kind.UNAVAILABLE, "arXiv did not answer within " + timeout.toSeconds() + " s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new ArxivApiException(Kind.UNAVAILABLE, "arXiv did not answer within " + timeout.toSeconds() + " s", cause);
            }
            // The message reaches a person: say what happened in words, never the exception's class name.
            throw new ArxivApiException(Kind.UNAVAILABLE, cause instanceof java.net.ConnectException
                    ? "arXiv could not be reached (the connection was refused or the network is down)"
                    : "arXiv could not be reached (the connection failed)", cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ArxivApiException(Kind.UNAVAILABLE, "interrupted while asking arXiv", e);
        }
        byte[] body = response.body().bytes();
        int status = response.statusCode();
        if (status >= 500 || status == 429 || (status != 200 && status != 400)) {
            throw new ArxivApiException(Kind.UNAVAILABLE, "arXiv answered HTTP " + status, null);
        }
        List<Entry> entries = parse(body);
        Optional<Entry> error = entries.stream().filter(Entry::isError).findFirst();
        if (error.isPresent() || status == 400) {
            throw new ArxivApiException(Kind.REJECTED, "arXiv refused the query: "
                    + error.map(Entry::summary).orElse("HTTP 400"), null);
        }
        return entries.stream().map(e -> e.toPaper()).flatMap(Optional::stream)
                .filter(p -> p.id().equals(id)).findFirst();
    }

    private static List<Entry> parse(byte[] body) throws ArxivApiException {
        try {
            XMLStreamReader xml = SafeXml.inputFactory().createXMLStreamReader(new java.io.ByteArrayInputStream(body));
            try {
                List<Entry> entries = new ArrayList<>();
                Entry entry = null;
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        if (xml.getEventType() == XMLStreamConstants.END_ELEMENT && entry != null
                                && xml.getLocalName().equals("entry") && ATOM.equals(xml.getNamespaceURI())) {
                            entries.add(entry);
                            entry = null;
                        }
                        continue;
                    }
                    String ns = xml.getNamespaceURI();
                    String name = xml.getLocalName();
                    if (ATOM.equals(ns) && name.equals("entry")) {
                        entry = new Entry();
                    } else if (entry != null) {
                        entry.read(ns, name, xml);
                    }
                }
                return entries;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new ArxivApiException(Kind.UNAVAILABLE, "arXiv sent something that is not an Atom feed", e);
        }
    }

    /** The fields of one {@code <entry>} we use. */
    private static final class Entry {
        String id = "";
        String title = "";
        String summary = "";
        String published = "";
        String comment;
        final List<String> authors = new ArrayList<>();
        final List<String> categories = new ArrayList<>();

        void read(String ns, String name, XMLStreamReader xml) throws XMLStreamException {
            if (ATOM.equals(ns)) {
                switch (name) {
                    case "id" -> id = xml.getElementText().strip();
                    case "title" -> title = oneLine(xml.getElementText());
                    case "summary" -> summary = xml.getElementText().strip();
                    case "published" -> published = xml.getElementText().strip();
                    case "category" -> categories.add(xml.getAttributeValue(null, "term"));
                    case "name" -> authors.add(oneLine(xml.getElementText()));
                    default -> { }
                }
            } else if (ARXIV.equals(ns) && name.equals("comment")) {
                comment = oneLine(xml.getElementText());
            }
        }

        boolean isError() {
            return id.contains("/api/errors") || (title.equals("Error") && authors.contains("arXiv api core"));
        }

        String summary() {
            return summary;
        }

        Optional<Paper> toPaper() {
            int abs = id.indexOf("/abs/");
            Optional<ArxivId> arxivId = abs < 0 ? Optional.empty() : ArxivId.parse(id.substring(abs + 5));
            if (arxivId.isEmpty() || title.isEmpty()) {
                return Optional.empty();
            }
            Instant publishedAt;
            try {
                publishedAt = Instant.parse(published);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
            return Optional.of(new Paper(arxivId.get(), title, summary, authors, publishedAt,
                    categories.stream().filter(c -> c != null && !c.isBlank()).distinct().toList(),
                    comment == null || comment.isEmpty() ? null : comment,
                    null, null, null, null, List.of(), null));
        }

        private static String oneLine(String text) {
            return text.strip().replaceAll("\\s+", " ");
        }
    }
}
