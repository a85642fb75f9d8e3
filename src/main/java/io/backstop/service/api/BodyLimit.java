package io.backstop.service.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;

/**
 * Request bodies over 64 KiB get a 413 problem document before they are read. (The HTTP layer's own limit,
 * {@code quarkus.http.limits.max-body-size}, still stops chunked bodies that declare no length.)
 */
public class BodyLimit {

    /** The largest body accepted, in bytes. */
    public static final long MAX_BYTES = 64 * 1024;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"" + ApiProblem.TYPE_BASE + "body-too-large\",\"title\":\"Content Too Large\","
                                + "\"status\":413,\"detail\":\"request bodies are limited to 64 KiB\"}");
                return;
            }
            rc.next();
        }, 100);
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
