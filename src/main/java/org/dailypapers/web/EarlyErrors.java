package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before the app sees them (a request line or headers beyond
 * {@link WebApp#MAX_REQUEST_HEADER_BYTES}, a malformed request) with the API's {@code {"error": ...}} instead of
 * Jetty's own HTML page. Jetty answers these without the request's path or headers (it could not read them),
 * so a page cannot be told from an API call: JSON is what a program can act on, and browsers rarely get here,
 * since the search box stops at {@value SearchForm#MAX_QUERY} characters. Thread-safe.
 */
final class EarlyErrors extends ErrorHandler {
    private final ObjectMapper json;

    EarlyErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String text = switch (code) {
            case 414 -> "The address is too long (at most " + WebApp.MAX_REQUEST_HEADER_BYTES / 1024
                    + " KB; a search query may have at most " + SearchForm.MAX_QUERY + " characters).";
            case 408 -> "The request's body arrived too slowly (at least " + WebApp.MIN_REQUEST_BYTES_PER_SECOND
                    + " bytes a second are needed).";
            case 413 -> "The request's body is too large (at most " + WebApp.MAX_REQUEST_BODY_BYTES / 1024 + " KB).";
            case 431 -> "The request's headers are too large.";
            case 505 -> "That HTTP version is not supported.";
            // Jetty's reason for a refused request says what was wrong with it (an unknown version, a bad
            // character); for a failure on the server's side it may be an exception's text, which stays in the log
            default -> code >= 400 && code < 500 && message != null && !message.isBlank()
                    ? "The request was refused (" + code + "): " + message
                    : code >= 500 ? "Something went wrong on our side." : "The request was refused (" + code + ").";
        };
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        byte[] body = json.createObjectNode().put("error", text).toString().getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
