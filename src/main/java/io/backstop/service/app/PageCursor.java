package io.backstop.service.app;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of a list ends: the sort key of its last entry, an instant then the texts that break ties, handed to
 * the client as an opaque token (base64url of the parts) and read back for the page after it. A token the service
 * did not give is refused with 400 {@code invalid-cursor}.
 *
 * @param at    the last entry's instant
 * @param ties  the rest of its sort key
 */
public record PageCursor(Instant at, String... ties) {

    /** The token for the client. */
    public String token() {
        StringBuilder text = new StringBuilder(at.toString());
        for (String tie : ties) {
            text.append('|').append(tie);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a token with {@code ties} tie-breaking parts; null for none (the first page). */
    public static PageCursor of(String token, int ties) {
        if (token == null) {
            return null;
        }
        try {
            if (token.length() <= 400) {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                        .split("\\|", -1);
                if (parts.length == ties + 1) {
                    String[] rest = new String[ties];
                    System.arraycopy(parts, 1, rest, 0, ties);
                    return new PageCursor(Instant.parse(parts[0]), rest);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below
        }
        throw CommandRefused.of(Refusal.INVALID_CURSOR, "cursor is not one this service gave");
    }

    /** The i-th tie-breaking part. */
    public String tie(int i) {
        return ties[i];
    }
}
