package io.backstop.service.api;

import java.time.Instant;

/**
 * The query of a page of a public record (settlements, series, the buffer's history): a range {@code from}
 * (inclusive) to {@code to} (exclusive), ISO-8601 instants, both optional; at most {@code limit} entries (1–1000,
 * default 100); after {@code cursor}, the {@code next} of the page before (null for the first page).
 */
record PageRequest(Instant from, Instant to, String cursor, int limit) {

    /** Most entries a page may hold. */
    static final int MAX_LIMIT = 1000;

    /** Later than any entry: the default end of a range. */
    static final Instant END_OF_RECORD = Instant.parse("9999-12-31T23:59:59Z");

    /** The query of the request's parameters, each checked: 400 for a bad instant, limit or cursor text. */
    static PageRequest of(String from, String to, String limit, String cursor) {
        int size = Inputs.wholeNumber(limit, 100, "limit");
        if (size < 1 || size > MAX_LIMIT) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "limit must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 400 || Inputs.hasControlCharacter(cursor))) {
            throw new ApiProblem(ProblemType.INVALID_CURSOR, "cursor is not one this service gave");
        }
        return new PageRequest(from == null ? Instant.EPOCH : Inputs.instant(from, "from"),
                to == null ? END_OF_RECORD : Inputs.instant(to, "to"), cursor, size);
    }
}
