package org.dailypapers.web;

/**
 * A request we refuse, with the status and a message for the person who sent it. Thrown by handlers and
 * turned into a page or JSON body in one place ({@link ErrorHandling}).
 */
final class HttpProblem extends RuntimeException {
    private final int status;

    private HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    static HttpProblem of(int status, String message) {
        return new HttpProblem(status, message);
    }

    static HttpProblem forbidden(String message) {
        return new HttpProblem(403, message);
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    int status() {
        return status;
    }
}
