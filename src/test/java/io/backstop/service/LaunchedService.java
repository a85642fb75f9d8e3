package io.backstop.service;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged service in a JVM of its own, started as the README says ({@code ./backstop serve --data-dir=…
 * --port=…}) on a data directory of its own that outlives restarts, with what a test needs around it: its HTTP
 * address, dev tokens, its local PostgreSQL and the server's process.
 */
final class LaunchedService implements AutoCloseable {

    /** The repository's root, where the launcher is. */
    static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Path dataDir;
    private final int port;
    private final Map<String, String> environment;
    private Process process;
    private Path log;

    /** A service not started yet, on a fresh data directory and a free port, with these environment settings. */
    LaunchedService(String name, Map<String, String> environment) throws IOException {
        this.dataDir = Files.createTempDirectory(name);
        this.port = freePort();
        this.environment = environment;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The HTTP port it listens on. */
    int port() {
        return port;
    }

    /** The running JVM, or the last one. */
    Process process() {
        return process;
    }

    /** This start's log. */
    Path log() {
        return log;
    }

    /** Starts the service with the launcher and waits until it is ready; its output goes to {@code <name>.log}. */
    void start(String name) throws Exception {
        log = dataDir.resolve(name + ".log");
        ProcessBuilder launcher = new ProcessBuilder("bash", REPOSITORY.resolve("backstop").toString(), "serve",
                "--data-dir=" + dataDir, "--port=" + port)
                .directory(REPOSITORY.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        launcher.environment().remove("QUARKUS_DATASOURCE_REACTIVE_URL");
        launcher.environment().putAll(environment);
        process = launcher.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited (" + name + "): " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service was not ready in time (" + name + "): " + Files.readString(log));
    }

    /** A normal stop (SIGTERM): true when the JVM ended within a minute and its PostgreSQL within 10 s after. */
    boolean stop() throws Exception {
        process.destroy();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        awaitPostmasterGone(Duration.ofSeconds(10));
        return ended;
    }

    /** A dev token for a subject in a role. */
    String token(String subject, String role) throws Exception {
        return new JsonObject(http.send(HttpRequest.newBuilder(uri("/api/v1/dev/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"subject\":\"" + subject + "\",\"roles\":[\"" + role + "\"]}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).getString("token");
    }

    /** The body of a GET. */
    String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Sends a request, as it is. */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A connection to its local PostgreSQL as the service's role, with the password local mode generated. */
    Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort() + "/postgres", "backstop",
                Files.readString(dataDir.resolve("secrets/database-password")).trim());
    }

    /** The local PostgreSQL's port, from its postmaster.pid. */
    int databasePort() throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /** Waits until the local PostgreSQL has stopped. @throws AssertionError if it is still running after timeout */
    void awaitPostmasterGone(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (postmasterAlive()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("PostgreSQL still running " + timeout.toSeconds() + " s after its service");
            }
            Thread.sleep(100);
        }
    }

    private boolean postmasterAlive() {
        try {
            return ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException gone) {
            return false;   // no postmaster.pid (or half of one): no server
        }
    }

    /** Kills what is left running and deletes the data directory. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        awaitPostmasterGone(Duration.ofSeconds(30));
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
