package io.backstop.service.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Local mode's generated secrets, one file each in {@code dataDir/secrets}: the folder 0700 and every file 0600,
 * owned by the service's user, so that neither the unprivileged user PostgreSQL runs as nor any other can read
 * them. Generated on first use and kept.
 */
final class Secrets {

    private final Path folder;

    private Secrets(Path folder) {
        this.folder = folder;
    }

    /** The secrets of a data directory, its folder created (and its permissions set) if needed. */
    static Secrets in(Path dataDir) {
        Path folder = dataDir.resolve("secrets");
        try {
            privateFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return new Secrets(folder);
    }

    /** Creates the folder if needed and makes it 0700: the service's user alone may list or enter it. */
    static void privateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /** Writes the file 0600 from its creation, so that no other user ever sees its text. */
    static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
    }

    /** The named secret: 32 random bytes in URL-safe Base64, generated on first use. */
    String value(String name) {
        Path file = folder.resolve(name);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                writePrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
