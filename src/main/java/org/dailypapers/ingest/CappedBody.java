package org.dailypapers.ingest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A response body kept up to {@code max} bytes; the rest is read and dropped, so one huge answer from another host
 * cannot fill memory (a deadline on the exchange ends an endless one). Nothing blocks a thread of the client's
 * executor. {@link #truncated()} tells whether anything was dropped.
 */
final class CappedBody implements Flow.Subscriber<List<ByteBuffer>> {
    private final int max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean truncated;

    private CappedBody(int max) {
        this.max = max;
    }

    /** A body handler whose body is this subscriber (read it with {@link #bytes()} and {@link #truncated()}). */
    static HttpResponse.BodyHandler<CappedBody> handler(int max) {
        return info -> HttpResponse.BodySubscribers.fromSubscriber(new CappedBody(max), body -> body);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int n = Math.min(buffer.remaining(), max - out.size());
            truncated |= n < buffer.remaining();
            byte[] chunk = new byte[n];
            buffer.get(chunk);
            out.write(chunk, 0, n);
        }
    }

    @Override
    public void onError(Throwable error) {}

    @Override
    public void onComplete() {}

    synchronized byte[] bytes() {
        return out.toByteArray();
    }

    synchronized boolean truncated() {
        return truncated;
    }
}
