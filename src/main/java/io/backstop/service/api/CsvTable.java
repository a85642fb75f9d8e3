package io.backstop.service.api;

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
