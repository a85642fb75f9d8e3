package io.backstop.service;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An identity provider on loopback, as the service meets one outside local mode: it publishes its RSA key as a JWKS
 * document over HTTP and signs tokens for its users. The service (on the test database every test shares,
 * {@link LocalDatabase}) is told to verify tokens against the JWKS URL and this issuer, not the local key: this
 * resource starts after that one, so its settings are the ones that stand.
 */
public class ExternalIssuer implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://issuer.test/realms/backstop";
    private static volatile KeyPair keys;
    private HttpServer server;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = jwks((RSAPublicKey) keys.getPublic()).getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + server.getAddress().getPort()
                + "/jwks.json");
        config.put("mp.jwt.verify.issuer", ISSUER);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A token this issuer signs for a subject in roles (its key id is the JWKS's). */
    static String token(String subject, String... roles) {
        return token(keys.getPrivate(), subject, roles);
    }

    /** The same token signed by another key: one no issuer the service trusts has signed. */
    static String forged(String subject, String... roles) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return token(generator.generateKeyPair().getPrivate(), subject, roles);
    }

    private static String token(PrivateKey key, String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles)).expiresIn(Duration.ofHours(1))
                .jws().keyId("backstop-test").sign(key);
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"backstop-test\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] unsigned = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
