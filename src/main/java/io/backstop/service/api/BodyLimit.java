package io.backstop.service.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.event.Observes;

/**
 * Request bodies over 64 KiB get a 413 problem document. A declared Content-Length is judged before anything is
 * read. A chunked body declares none, and the REST layer would stop it with a bare 413 of its own; so this filter
 * reads chunked bodies itself, up to the limit, and hands them on whole (the REST layer takes a body already read).
 */
public class BodyLimit {

    /** The largest body accepted, in bytes. */
    public static final long MAX_BYTES = 64 * 1024;

    private static final String TOO_LARGE = "{\"type\":\"" + ApiProblem.TYPE_BASE + "body-too-large\","
            + "\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"request bodies are limited to 64 KiB\"}";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (tooLong(length)) {
                    tooLarge(rc);
                } else {
                    rc.next();
                }
            } else if (rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
                readChunked(rc);
            } else {
                rc.next();
            }
        }, 100);
    }

    private static void readChunked(RoutingContext rc) {
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        rc.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BYTES) {
                refused[0] = true;
                tooLarge(rc);
                return;
            }
            body.appendBuffer(chunk);
        });
        rc.request().endHandler(end -> {
            if (!refused[0]) {
                ((RoutingContextInternal) rc).setBody(body);
                rc.next();
            }
        });
        rc.request().resume();
    }

    private static void tooLarge(RoutingContext rc) {
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(TOO_LARGE);
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
