package io.backstop.service.api;

import jakarta.ws.rs.core.Response;

/**
 * A request the API refuses before any command runs (its input, its token, its shape), answered as RFC 9457
 * {@code application/problem+json} with a type from the {@link ProblemType} catalogue and a precise detail. Nothing
 * has changed when one is thrown.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;

    public ApiProblem(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    /** Its type. */
    public ProblemType type() {
        return type;
    }

    /** The problem document as a response. */
    public Response response() {
        return Problem.response(type, getMessage());
    }
}
