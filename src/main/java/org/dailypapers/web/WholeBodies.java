package org.dailypapers.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a request's whole body without a thread before the app sees the request, for Jetty's
 * {@link EagerContentHandler}. Javalin reads a body with blocking I/O, so a client that sent a POST's headers
 * and then a byte every few seconds held one of Jetty's 250 threads for as long as it liked: some 250 such
 * clients stopped the server, {@code /health} included. Here a body arrives through non-blocking callbacks
 * and the app runs once it is complete. Bodies are copied, at most {@code maxBytes} each (Jetty's own
 * retaining loader keeps a whole network buffer per chunk: 8 KB for every byte a slow client trickles).
 * A body declared larger than {@code maxBytes} goes to the app empty (a before-handler refuses it by its
 * length, with 413 and the app's own page), after it has been read and dropped when it is at most
 * {@link #DRAIN_LIMIT_BYTES}: a server that answers and closes while the client still sends makes many
 * clients see a reset connection instead of the 413 (Java's HttpClient: "header parser received no bytes").
 * One that grows beyond {@code maxBytes} (chunked) is refused with 413, and one that a
 * {@link org.eclipse.jetty.server.handler.MinimumDataRateHandler} finds too slow with 408, both by
 * {@link EarlyErrors}.
 */
final class WholeBodies implements EagerContentHandler.ContentLoaderFactory {
    /** A body declared larger than the limit is read (and dropped) up to this size before the 413. */
    static final long DRAIN_LIMIT_BYTES = 1 << 20;
    private final int maxBytes;

    WholeBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String getApplicableMimeType() {
        return null; // every content type
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(String contentType, String mimeType, Handler handler,
            Request request, Response response, Callback callback) {
        return new Loader(handler, request, response, callback, maxBytes);
    }

    private static final class Loader extends EagerContentHandler.ContentLoader implements Invocable.Task {
        private final int maxBytes;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        /** Declared too large but small enough to read: read to its end and dropped. */
        private boolean dropping;

        Loader(Handler handler, Request request, Response response, Callback callback, int maxBytes) {
            super(handler, request, response, callback);
            this.maxBytes = maxBytes;
        }

        @Override
        protected void load() {
            long length = getRequest().getLength();
            if (length > maxBytes) {
                // the app refuses it by its Content-Length, with its own page; should anything read it, it is empty
                // a client that waits for "100 Continue" has sent nothing yet: refuse before it sends
                if (length > DRAIN_LIMIT_BYTES || getRequest().getHeaders().contains(HttpHeader.EXPECT, "100-continue")) {
                    handle(new WholeBody(getRequest(), new byte[0]), getResponse(), getCallback());
                    return;
                }
                dropping = true;
            }
            read(false);
        }

        /** More content arrived (on a network thread, which must not block). */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean onNetworkThread) {
            while (true) {
                Content.Chunk chunk = getRequest().read();
                if (chunk == null) {
                    getRequest().demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    if (failure instanceof TimeoutException) {
                        Response.writeError(getRequest(), getResponse(), getCallback(), HttpStatus.REQUEST_TIMEOUT_408);
                    } else { // a bad chunk or a body cut short: the client's fault, said as the app says it
                        Response.writeError(getRequest(), getResponse(), getCallback(), HttpStatus.BAD_REQUEST_400,
                                ErrorHandling.UNREADABLE_BODY);
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                boolean tooLarge = !dropping && body.size() + bytes.remaining() > maxBytes;
                if (!tooLarge && !dropping) {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    body.writeBytes(copy);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (tooLarge) {
                    Response.writeError(getRequest(), getResponse(), getCallback(), HttpStatus.PAYLOAD_TOO_LARGE_413);
                    return;
                }
                if (last) {
                    Request whole = new WholeBody(getRequest(), body.toByteArray());
                    if (onNetworkThread) {
                        getRequest().getContext().execute(() -> handle(whole, getResponse(), getCallback()));
                    } else {
                        handle(whole, getResponse(), getCallback());
                    }
                    return;
                }
            }
        }
    }

    /** The request with its body already read: one chunk, then the end. */
    private static final class WholeBody extends Request.Wrapper {
        private Content.Chunk rest;

        WholeBody(Request request, byte[] body) {
            super(request);
            this.rest = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = rest;
            rest = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // read() always has something: the body or its end
        }
    }
}
