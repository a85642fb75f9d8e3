package io.backstop.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.backstop.service.app.CommandRefused;
import io.backstop.service.app.DatabaseOutage;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error as {@code application/problem+json}: the service's own problems, malformed or mistyped JSON (400),
 * missing or bad tokens (401), wrong roles (403), unknown paths and methods, and — for a bug — a 500 that says
 * nothing internal.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ApiProblem problem) {
        return problem.response();
    }

    /** A command refused by the engine or the service, its type from the catalogue. */
    @ServerExceptionMapper
    public Response refused(CommandRefused refused) {
        return Problem.response(ProblemType.bySlug(refused.slug()), refused.getMessage());
    }

    /** The database is out of reach: nothing was changed, and the pool reconnects on its own when it is back. */
    static Response databaseUnavailable(Throwable e) {
        LOG.warnf("database unavailable: %s", e.getMessage());
        return Problem.response(ProblemType.DATABASE_UNAVAILABLE, "the database cannot be reached; nothing was "
                + "changed, send the request again later");
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problem.response(ProblemType.UNKNOWN_FIELD, "unknown field '" + e.getPropertyName() + "'; allowed: "
                + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = path(e);
        String detail = e instanceof InvalidFormatException f
                ? "field '" + field + "' has an invalid value: " + Inputs.shown(String.valueOf(f.getValue()))
                : "field '" + field + "' has the wrong type or shape";
        return Problem.response(ProblemType.INVALID_FIELD, field.isEmpty() ? "the request body has the wrong shape"
                : detail);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.response(ProblemType.MALFORMED_JSON, "the request body is not valid JSON: "
                + e.getOriginalMessage());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return Response.fromResponse(Problem.response(ProblemType.UNAUTHORIZED, "a valid bearer token is required"))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(ProblemType.FORBIDDEN, "this token's roles do not allow this request");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500 && DatabaseOutage.isOutage(e)) {
            return databaseUnavailable(e);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return Problem.response(ProblemType.INTERNAL_ERROR, "the request failed; see the service log");
        }
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.BODY_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.BAD_REQUEST;
        };
        return Problem.response(type, e.getMessage());
    }

    /**
     * The database out of reach is a 503; anything else is a bug, not the client's fault: logged in full, answered
     * without internals. Throwable, not RuntimeException: the connection pool fails with bare Throwables, which
     * would otherwise reach Quarkus's own 500 page instead of a problem document.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DatabaseOutage.isOutage(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("unexpected failure", e);
        return Problem.response(ProblemType.INTERNAL_ERROR, "the request failed; see the service log");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
