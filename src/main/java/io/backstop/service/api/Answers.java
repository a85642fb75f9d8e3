package io.backstop.service.api;

import io.backstop.service.app.Idempotency;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Money-moving requests' answers as HTTP: the stored status and JSON, marked {@code Idempotent-Replayed} on a
 * repeat.
 */
final class Answers {

    /** The header that marks a replayed answer. */
    static final String REPLAYED = "Idempotent-Replayed";

    private Answers() {
    }

    /** The answer as a response. */
    static Response of(Idempotency.Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).type(MediaType.APPLICATION_JSON)
                .entity(answer.json());
        return answer.replayed() ? response.header(REPLAYED, "true").build() : response.build();
    }
}
