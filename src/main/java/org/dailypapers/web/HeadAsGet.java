package org.dailypapers.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Answers HEAD as the same GET would, without the body (RFC 9110, 9.3.2). Javalin answers a HEAD to any path
 * that has a GET route with an empty 200 and runs nothing, so a missing paper, an invalid date or a page that
 * needs sign-in all said 200, and a feed reader polling with HEAD got no ETag or Last-Modified. Here the app
 * sees a GET and the body it writes is dropped; status and headers, Content-Length included, stay the GET's.
 */
final class HeadAsGet extends Handler.Wrapper {
    HeadAsGet(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.HEAD.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        Request asGet = new Request.Wrapper(request) {
            @Override
            public String getMethod() {
                return HttpMethod.GET.asString();
            }
        };
        Response bodiless = new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                super.write(last, BufferUtil.EMPTY_BUFFER, written);
            }
        };
        return super.handle(asGet, bodiless, callback);
    }
}
