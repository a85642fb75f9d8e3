package io.backstop.service.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A table written as RFC 4180 CSV for {@code Accept: text/csv}: a header line, then one line per row, CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break (its quotes doubled); null is an empty field.
 */
final class CsvTable {

    private final StringBuilder text = new StringBuilder();

    CsvTable(List<String> header) {
        row(List.copyOf(header));
    }

    /** Appends a row, one field per column, in the header's order. */
    CsvTable row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Object field = fields.get(i);
            text.append(field == null ? "" : quoted(field.toString()));
        }
        text.append("\r\n");
        return this;
    }

    /**
     * The table as the answer to {@code request}; the page after it, if any, as a {@code Link} header with
     * {@code rel="next"} (RFC 8288): the same request with the {@code cursor} {@code next}, since a CSV body has no
     * room for the cursor.
     */
    Response response(UriInfo request, String next) {
        Response.ResponseBuilder response = Response.ok(text.toString(), "text/csv");
        if (next != null) {
            response.link(request.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
        }
        return response.build();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String quoted(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
