package io.backstop.service.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * JSON text as the API writes it (the service's own mapper: amounts, quantities and shares as exact decimal
 * strings), for what is stored to be sent later: events in the outbox, idempotent responses to replay.
 */
@ApplicationScoped
public class JsonText {

    private final ObjectMapper json;

    public JsonText(ObjectMapper json) {
        this.json = json;
    }

    /** The value as JSON text. */
    public String of(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
