package io.backstop.service.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zero-setup local mode: a private PostgreSQL and a token-signing key pair, both kept in the data directory across
 * restarts. {@link #config()} is what the service needs to use them; {@code BackstopMain} puts it into system
 * properties before Quarkus starts, and the tests' resource hands it to {@code @QuarkusTest}.
 */
public final class LocalMode implements AutoCloseable {

    /** The issuer of local tokens; the service verifies it. */
    public static final String ISSUER = "backstop-local";

    private final LocalPostgres postgres;
    private final Map<String, String> config;

    private LocalMode(LocalPostgres postgres, Map<String, String> config) {
        this.postgres = postgres;
        this.config = config;
    }

    /** Starts PostgreSQL in {@code dataDir/postgres} and makes sure the signing keys exist in {@code dataDir/jwt}. */
    public static synchronized LocalMode start(Path dataDir) {
        Path keys = signingKeys(dataDir.toAbsolutePath().resolve("jwt"));
        LocalPostgres postgres = LocalPostgres.start(dataDir);
        String hostPort = "127.0.0.1:" + postgres.port() + "/" + "postgres";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://" + hostPort);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort);
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", postgres.password());
        // Local mode serves this machine only (dev tokens are minted for anyone who asks), unless told otherwise.
        if (System.getenv("QUARKUS_HTTP_HOST") == null && System.getProperty("quarkus.http.host") == null) {
            config.put("quarkus.http.host", "127.0.0.1");
        }
        config.put("mp.jwt.verify.publickey.location", keys.resolve("public.pem").toUri().toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("backstop.local-mode", "true");
        config.put("backstop.local.signing-key", keys.resolve("private.pem").toUri().toString());
        return new LocalMode(postgres, Map.copyOf(config));
    }

    /** The private PostgreSQL server. */
    public LocalPostgres database() {
        return postgres;
    }

    /** Configuration pointing the service at the private database and keys. */
    public Map<String, String> config() {
        return config;
    }

    /** Stops PostgreSQL cleanly; safe to call more than once. */
    @Override
    public synchronized void close() {
        postgres.stop();
    }

    /**
     * An RSA key pair in PEM files, generated on first start and kept; the folder is 0700 and the private key 0600,
     * readable by the service's user only (set again at every start, for folders written before).
     */
    private static Path signingKeys(Path folder) {
        Path privateKey = folder.resolve("private.pem");
        Path publicKey = folder.resolve("public.pem");
        try {
            Secrets.privateFolder(folder);
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
                return folder;
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Secrets.writePrivate(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write signing keys to " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
