package io.backstop.service.api;

import io.backstop.vault.Rejection;

/**
 * A request the service refuses, answered as RFC 9457 {@code application/problem+json} with a stable type
 * ({@value #TYPE_BASE} + slug), the status and a precise detail. Nothing has changed when one is thrown.
 */
public final class ApiProblem extends RuntimeException {

    /** Problem types are this plus a kebab-case slug. */
    public static final String TYPE_BASE = "https://backstop.io/problems/";

    private final int status;
    private final String slug;

    public ApiProblem(int status, String slug, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
    }

    /** The engine's typed rejection, with its own status and slug. */
    public static ApiProblem of(Rejection rejection) {
        return new ApiProblem(rejection.code().status(), rejection.code().slug(), rejection.detail());
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(400, slug, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", detail);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(409, slug, detail);
    }

    public static ApiProblem unprocessable(String slug, String detail) {
        return new ApiProblem(422, slug, detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    /** The problem document. */
    public Problem body() {
        return Problem.of(status, slug, getMessage());
    }
}
