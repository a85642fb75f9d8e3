package io.backstop.service.api;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document.
 *
 * @param type   stable URI of the reason
 * @param title  the reason in words (the status's phrase)
 * @param status the HTTP status
 * @param detail what exactly went wrong, for a human
 */
public record Problem(String type, String title, int status, String detail) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of a type from the catalogue. */
    public static Problem of(ProblemType type, String detail) {
        int status = type.status();
        Response.StatusType phrase = Response.Status.fromStatusCode(status);
        String title = switch (status) {
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            case 414 -> "URI Too Long";
            default -> phrase == null ? "Error" : phrase.getReasonPhrase();
        };
        return new Problem(type.uri(), title, status, detail);
    }

    /**
     * A problem of a type from the catalogue as a response, with {@code Retry-After} when the catalogue says waiting
     * helps.
     */
    public static Response response(ProblemType type, String detail) {
        Response.ResponseBuilder response = Response.status(type.status()).type(MEDIA_TYPE).entity(of(type, detail));
        return (type.retryAfter() > 0 ? response.header("Retry-After", type.retryAfter()) : response).build();
    }
}
