package io.backstop.pricing.cli;

import io.backstop.pricing.OptionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A command that reads option rows as CSV and writes each row back with computed columns appended.
 *
 * <p>Rows stream through fixed buffers. Input columns are echoed as they were written; numbers are printed as the
 * shortest decimal that reads back to the same double. A bad row gets empty numbers and its message in the
 * {@code error} column (quoted as RFC 4180 requires) and the other rows still go through; {@link #run} then
 * returns exit status 2. A missing or wrong header is an error before any output.
 */
abstract class CsvPricingCommand {

    /** Exit status when every row was computed. */
    static final int OK = 0;
    /** Exit status when a row or the header was bad. */
    static final int BAD_INPUT = 2;

    private static final int FLUSH_AT = 1 << 16;

    private final String[] inputColumns;
    private final String[] outputColumns;

    CsvPricingCommand(String[] inputColumns, String[] outputColumns) {
        this.inputColumns = inputColumns.clone();
        this.outputColumns = outputColumns.clone();
    }

    /**
     * Computes the numeric output columns of one row.
     *
     * @param type    the option type, first column
     * @param numbers the other input columns, parsed
     * @param results where to write the output columns
     * @throws IllegalArgumentException with the message for the row's {@code error} column
     */
    abstract void evaluate(OptionType type, double[] numbers, double[] results);

    String header() {
        return String.join(",", inputColumns);
    }

    /**
     * Streams {@code in} to {@code out}.
     *
     * @return {@link #OK}, or {@link #BAD_INPUT} if the header or any row was bad
     */
    int run(InputStream in, OutputStream out, PrintStream err) throws IOException {
        LineReader lines = new LineReader(in);
        if (!lines.next()) {
            err.println("error: no input: expected the header line '" + header() + "'");
            return BAD_INPUT;
        }
        String header = lines.text().strip();
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.replace(" ", "").equals(header())) {
            err.println("error: expected the header line '" + header() + "', got '" + header + "'");
            return BAD_INPUT;
        }
        int numericInputs = inputColumns.length - 1;
        int outputs = outputColumns.length;
        double[] numbers = new double[numericInputs];
        double[] results = new double[outputs];
        int[] fieldStart = new int[inputColumns.length + 1];
        int[] fieldEnd = new int[inputColumns.length + 1];
        byte[] buffer = new byte[FLUSH_AT + 4096];
        int at = ascii(header() + "," + String.join(",", outputColumns) + "\n", buffer, 0);
        boolean anyBad = false;
        while (lines.next()) {
            byte[] line = lines.bytes();
            int from = lines.start();
            int to = lines.end();
            if (from == to) {
                continue; // blank lines carry no row
            }
            int fields = split(line, from, to, fieldStart, fieldEnd);
            String error = null;
            if (fields != inputColumns.length) {
                error = "expected " + inputColumns.length + " fields (" + header() + "), got " + fields;
            } else {
                try {
                    OptionType type = OptionType.parse(new String(line, fieldStart[0], fieldEnd[0] - fieldStart[0],
                            StandardCharsets.US_ASCII));
                    for (int i = 0; i < numericInputs; i++) {
                        double value = DecimalParser.parse(line, fieldStart[i + 1], fieldEnd[i + 1]);
                        if (Double.isNaN(value)) {
                            throw new IllegalArgumentException(inputColumns[i + 1] + " is not a number: '"
                                    + new String(line, fieldStart[i + 1], fieldEnd[i + 1] - fieldStart[i + 1],
                                            StandardCharsets.US_ASCII).strip() + "'");
                        }
                        numbers[i] = value;
                    }
                    evaluate(type, numbers, results);
                } catch (IllegalArgumentException e) {
                    error = e.getMessage();
                }
            }
            int needed = (to - from) + inputColumns.length + 32 * outputs + (error == null ? 0 : 2 * error.length() + 4);
            if (at + needed > buffer.length) {
                out.write(buffer, 0, at);
                at = 0;
                if (needed > buffer.length) {
                    buffer = new byte[needed];
                }
            }
            at = echo(line, fields, fieldStart, fieldEnd, buffer, at);
            if (error == null) {
                for (int i = 0; i < outputs - 1; i++) {
                    buffer[at++] = ',';
                    at = ShortestDecimal.write(results[i], buffer, at);
                }
                buffer[at++] = ',';
            } else {
                anyBad = true;
                for (int i = 0; i < outputs; i++) {
                    buffer[at++] = ',';
                }
                at = quoted(error, buffer, at);
            }
            buffer[at++] = '\n';
            if (at >= FLUSH_AT) {
                out.write(buffer, 0, at);
                at = 0;
            }
        }
        out.write(buffer, 0, at);
        out.flush();
        return anyBad ? BAD_INPUT : OK;
    }

    /** Echoes the input columns, padded or cut to the header's count. */
    private int echo(byte[] line, int fields, int[] fieldStart, int[] fieldEnd, byte[] buffer, int at) {
        for (int i = 0; i < inputColumns.length; i++) {
            if (i > 0) {
                buffer[at++] = ',';
            }
            if (i < fields) {
                int length = fieldEnd[i] - fieldStart[i];
                System.arraycopy(line, fieldStart[i], buffer, at, length);
                at += length;
            }
        }
        return at;
    }

    /** Splits on commas into at most {@code fieldStart.length} fields and returns how many there were. */
    private static int split(byte[] line, int from, int to, int[] fieldStart, int[] fieldEnd) {
        int count = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || line[i] == ',') {
                if (count < fieldStart.length) {
                    fieldStart[count] = start;
                    fieldEnd[count] = i;
                }
                count++;
                start = i + 1;
            }
        }
        return count;
    }

    private static int quoted(String text, byte[] buffer, int at) {
        buffer[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                buffer[at++] = '"';
            }
            buffer[at++] = (byte) (c < 128 && c >= 32 ? c : '?');
        }
        buffer[at++] = '"';
        return at;
    }

    private static int ascii(String text, byte[] buffer, int at) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, buffer, at, bytes.length);
        return at + bytes.length;
    }

    /** Lines of an input stream as slices of one reused buffer, without the line terminator (LF or CRLF). */
    static final class LineReader {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 16];
        private int filled;
        private int position;
        private int start;
        private int end;
        private boolean eof;

        LineReader(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            while (true) {
                for (int i = position; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        start = position;
                        end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                        position = i + 1;
                        return true;
                    }
                }
                if (eof) {
                    if (position < filled) {
                        start = position;
                        end = buffer[filled - 1] == '\r' ? filled - 1 : filled;
                        position = filled;
                        return true;
                    }
                    return false;
                }
                fill();
            }
        }

        private void fill() throws IOException {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, filled - position);
                filled -= position;
                position = 0;
            }
            if (filled == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                eof = true;
            } else {
                filled += read;
            }
        }

        byte[] bytes() {
            return buffer;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        String text() {
            return new String(buffer, start, end - start, StandardCharsets.UTF_8);
        }
    }
}
