package io.backstop.service.app;

import java.net.SocketException;
import java.util.Set;

/**
 * Tells a failure that is the database being out of reach (refused, reset, shut down, the pool's wait for a
 * connection timed out) from one that is a bug or a client's fault. An outage is answered 503
 * {@code database-unavailable} with {@code Retry-After}: nothing was changed, and the same request will succeed when
 * the database is back, which the connection pool notices on its own.
 */
public final class DatabaseOutage {

    /**
     * SQLSTATEs of a server going away or not yet accepting work: connection exceptions (class 08), and
     * admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped.
     */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03", "57P04");

    private DatabaseOutage() {
    }

    /** True when the failure, or any of its causes, says the database could not be reached or went away. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = CommandTransaction.sqlState(t);
            if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
                return true;
            }
            if (t instanceof SocketException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof io.vertx.core.VertxException && isConnectionMessage(t.getMessage())
                    || isPoolTimeout(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionMessage(String message) {
        return message != null && (message.contains("Connection refused") || message.contains("Connection reset")
                || message.contains("closed"));
    }

    /** The pool's wait for a free connection ran out, which a dead server makes every request do. */
    private static boolean isPoolTimeout(Throwable t) {
        return t.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable")
                && "Timeout".equals(t.getMessage());
    }
}
