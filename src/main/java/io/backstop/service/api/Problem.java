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

    /** A problem of the given status and slug. */
    public static Problem of(int status, String slug, String detail) {
        Response.StatusType phrase = Response.Status.fromStatusCode(status);
        String title = status == 422 ? "Unprocessable Content" : phrase == null ? "Error" : phrase.getReasonPhrase();
        return new Problem(ApiProblem.TYPE_BASE + slug, title, status, detail);
    }

    /** This problem as a response. */
    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
