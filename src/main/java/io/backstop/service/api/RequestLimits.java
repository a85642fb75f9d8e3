package io.backstop.service.api;

import io.backstop.vault.VaultState;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The shape of a request, judged before anything else reads it, each refusal a problem document:
 * <ul>
 * <li>a target over {@value #MAX_TARGET} characters is a 414, headers over {@value #MAX_HEADER_BYTES} bytes in all a
 * 431 (the HTTP decoder's own limits are set above these, so that it leaves the answer to this filter);</li>
 * <li>a control character in the path or query, written out or percent-encoded ({@code %00}), is a 400
 * {@code invalid-characters}: no id or parameter of the API holds one, and PostgreSQL refuses a NUL;</li>
 * <li>a vault id in the path that no vault can have ({@link VaultState#isValidId}) is a 404 at once;</li>
 * <li>bodies over 64 KiB get a 413. A declared Content-Length is judged before anything is read. A chunked body
 * declares none, and the REST layer would stop it with a bare 413 of its own; so this filter reads chunked bodies
 * itself, up to the limit, and hands them on whole (the REST layer takes a body already read).</li>
 * </ul>
 */
public class RequestLimits {

    /** The largest body accepted, in bytes. */
    public static final long MAX_BYTES = 64 * 1024;

    /** The longest request target (path and query) accepted, in characters. */
    public static final int MAX_TARGET = 8 * 1024;

    /** The most header bytes (names and values) accepted in all. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    private static final String VAULTS = "/api/v1/vaults/";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (refused(rc)) {
                return;
            }
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

    /** Answers a request whose target or headers are out of shape; true when it did. */
    private static boolean refused(RoutingContext rc) {
        String target = rc.request().uri();
        if (target.length() > MAX_TARGET) {
            problem(rc, ProblemType.URI_TOO_LONG, "request targets are limited to " + MAX_TARGET + " characters");
            return true;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : rc.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length();
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            problem(rc, ProblemType.HEADERS_TOO_LARGE, "request headers are limited to " + MAX_HEADER_BYTES
                    + " bytes in all");
            return true;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            problem(rc, ProblemType.INVALID_CHARACTERS, "the request target has a malformed percent-encoding");
            return true;
        }
        if (Inputs.hasControlCharacter(decoded)) {
            problem(rc, ProblemType.INVALID_CHARACTERS, "the request target holds a control character");
            return true;
        }
        String path = rc.request().path();
        if (path != null && path.startsWith(VAULTS)) {
            int end = path.indexOf('/', VAULTS.length());
            String id = URLDecoder.decode(path.substring(VAULTS.length(), end < 0 ? path.length() : end),
                    StandardCharsets.UTF_8);
            if (!id.isEmpty() && !VaultState.isValidId(id)) {
                problem(rc, ProblemType.NOT_FOUND, "no vault '" + Inputs.shown(id) + "': vault ids are "
                        + VaultState.ID_RULE);
                return true;
            }
        }
        return false;
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
        problem(rc, ProblemType.BODY_TOO_LARGE, "request bodies are limited to 64 KiB");
    }

    /** Answers a problem document and closes the connection: what is left of the request is not read. */
    private static void problem(RoutingContext rc, ProblemType type, String detail) {
        rc.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(Problem.of(type, detail)));
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
