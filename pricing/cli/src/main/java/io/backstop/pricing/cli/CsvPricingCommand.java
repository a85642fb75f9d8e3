package io.backstop.pricing.cli;

import io.backstop.pricing.OptionType;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A command that reads option rows as CSV and writes each row back with computed columns appended.
 *
 * <p>Input is RFC 4180 CSV, as spreadsheets and R's {@code write.csv} write it: any field, the header's too, may
 * be quoted, and a quoted field may hold commas, doubled quotes and line breaks. Rows stream through a fixed set
 * of batches: this thread reads, parses and prices while a second formats and writes, so both cores work and
 * memory does not grow with the input. Input columns are echoed as they were written, quotes included; numbers
 * are printed as the shortest decimal that reads back to the same double. A bad row gets empty numbers and its
 * message in the {@code error} column (quoted as RFC 4180 requires) and the other rows still go through;
 * {@link #run} then returns exit status 2. A missing or wrong header is an error before any output.
 */
abstract class CsvPricingCommand implements Callable<Integer> {

    /** Exit status when every row was computed. */
    static final int OK = 0;
    /** Exit status when a row or the header was bad. */
    static final int BAD_INPUT = 2;

    private static final int FLUSH_AT = 1 << 16;

    /** What {@code split} returns for a row whose last quoted field has no closing quote. */
    private static final int UNTERMINATED = -1;

    private final String[] inputColumns;
    private final String[] outputColumns;

    CsvPricingCommand(String[] inputColumns, String[] outputColumns) {
        this.inputColumns = inputColumns.clone();
        this.outputColumns = outputColumns.clone();
    }

    /** Runs on standard input and output: what picocli calls. */
    @Override
    public Integer call() throws IOException {
        return run(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), System.err);
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
        if (!unquotedHeader(header).equals(header())) {
            err.println("error: expected the header line '" + header() + "', got '" + header + "'");
            return BAD_INPUT;
        }
        byte[] headerLine = (header() + "," + String.join(",", outputColumns) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        out.write(headerLine);
        RowPipeline pipeline = new RowPipeline(out);
        pipeline.start();
        boolean anyBad = false;
        try {
            Batch batch = pipeline.emptyBatch();
            while (lines.next()) {
                if (lines.start() == lines.end()) {
                    continue; // blank lines carry no row
                }
                if (!batch.add(lines.bytes(), lines.start(), lines.end())) {
                    pipeline.hand(batch);
                    batch = pipeline.emptyBatch();
                    batch.add(lines.bytes(), lines.start(), lines.end());
                }
                anyBad |= !evaluate(batch, batch.size - 1);
            }
            pipeline.hand(batch);
        } finally {
            pipeline.finish();
        }
        return anyBad ? BAD_INPUT : OK;
    }

    /** The header's names without their quotes or spaces, joined by commas: {@code "type", "spot"} is type,spot. */
    static String unquotedHeader(String header) {
        StringBuilder names = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c != '"' && c != ' ') {
                names.append(c);
            }
        }
        return names.toString();
    }

    /** Parses and computes row {@code row} of the batch; false when it was bad (its message is kept). */
    private boolean evaluate(Batch batch, int row) {
        int fields = batch.split(row, inputColumns.length);
        batch.fields[row] = Math.max(fields, 0);
        int numericInputs = inputColumns.length - 1;
        try {
            if (fields == UNTERMINATED) {
                throw new IllegalArgumentException("a quoted field has no closing quote");
            }
            if (fields != inputColumns.length) {
                throw new IllegalArgumentException(
                        "expected " + inputColumns.length + " fields (" + header() + "), got " + fields);
            }
            int base = row * (inputColumns.length + 1);
            byte[] data = batch.data;
            OptionType type = optionType(data, contentStart(data, batch.fieldStart[base], batch.fieldEnd[base]),
                    contentEnd(data, batch.fieldStart[base], batch.fieldEnd[base]));
            for (int i = 0; i < numericInputs; i++) {
                int from = contentStart(data, batch.fieldStart[base + i + 1], batch.fieldEnd[base + i + 1]);
                int to = contentEnd(data, batch.fieldStart[base + i + 1], batch.fieldEnd[base + i + 1]);
                double value = DecimalParser.parse(data, from, to);
                if (Double.isNaN(value)) {
                    throw new IllegalArgumentException(inputColumns[i + 1] + " is not a number: '"
                            + new String(data, from, to - from, StandardCharsets.US_ASCII).strip() + "'");
                }
                batch.numbers[i] = value;
            }
            evaluate(type, batch.numbers, batch.scratch);
            System.arraycopy(batch.scratch, 0, batch.results, row * outputColumns.length, outputColumns.length);
            batch.errors[row] = null;
            return true;
        } catch (IllegalArgumentException e) {
            batch.errors[row] = e.getMessage();
            return false;
        }
    }

    /**
     * Splits a record on the commas outside quotes, writing the bounds of at most {@code limit + 1} fields (quotes
     * and all) from {@code at}; returns how many fields there were, or {@link #UNTERMINATED} when a quote is left
     * open.
     */
    static int split(byte[] data, int from, int to, int[] fieldStart, int[] fieldEnd, int at, int limit) {
        int count = 0;
        int start = from;
        boolean quoted = false;
        for (int i = from; i <= to; i++) {
            if (i < to && data[i] == '"') {
                quoted = !quoted; // a doubled quote inside a quoted field flips twice
            } else if (i == to && quoted) {
                return UNTERMINATED;
            } else if (i == to || (data[i] == ',' && !quoted)) {
                if (count <= limit) {
                    fieldStart[at + count] = start;
                    fieldEnd[at + count] = i;
                }
                count++;
                start = i + 1;
            }
        }
        return count;
    }

    /** Where a field's content starts: after its opening quote if it is quoted. */
    static int contentStart(byte[] data, int from, int to) {
        return isQuoted(data, from, to) ? from + 1 : from;
    }

    /** Where a field's content ends: before its closing quote if it is quoted. */
    static int contentEnd(byte[] data, int from, int to) {
        return isQuoted(data, from, to) ? to - 1 : to;
    }

    private static boolean isQuoted(byte[] data, int from, int to) {
        return to - from >= 2 && data[from] == '"' && data[to - 1] == '"';
    }

    /**
     * The option type of a field without building a string for the common spellings; anything else goes to
     * {@link OptionType#parse}, which owns the rule and the message.
     */
    static OptionType optionType(byte[] data, int from, int to) {
        int length = to - from;
        if (length == 4 && data[from] == 'c' && data[from + 1] == 'a' && data[from + 2] == 'l'
                && data[from + 3] == 'l') {
            return OptionType.CALL;
        }
        if (length == 3 && data[from] == 'p' && data[from + 1] == 'u' && data[from + 2] == 't') {
            return OptionType.PUT;
        }
        return OptionType.parse(new String(data, from, length, StandardCharsets.US_ASCII));
    }

    /** Writes a computed batch as CSV: echoed input columns, numbers, error. */
    private int format(Batch batch, byte[] buffer, int at, OutputStream out) throws IOException {
        int outputs = outputColumns.length;
        for (int row = 0; row < batch.size; row++) {
            String error = batch.errors[row];
            int needed = batch.lineEnd[row] - batch.lineStart[row] + inputColumns.length + 32 * outputs
                    + (error == null ? 0 : 2 * error.length() + 4);
            if (at + needed > buffer.length) {
                out.write(buffer, 0, at);
                at = 0;
                if (needed > buffer.length) {
                    buffer = new byte[needed];
                }
            }
            at = echo(batch, row, buffer, at);
            if (error == null) {
                int base = row * outputs;
                for (int i = 0; i < outputs - 1; i++) {
                    buffer[at++] = ',';
                    at = ShortestDecimal.write(batch.results[base + i], buffer, at);
                }
                buffer[at++] = ',';
            } else {
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
        return at;
    }

    /** Echoes the input columns, padded or cut to the header's count. */
    private int echo(Batch batch, int row, byte[] buffer, int at) {
        int base = row * (inputColumns.length + 1);
        int fields = batch.fields[row];
        for (int i = 0; i < inputColumns.length; i++) {
            if (i > 0) {
                buffer[at++] = ',';
            }
            if (i < fields) {
                int length = batch.fieldEnd[base + i] - batch.fieldStart[base + i];
                System.arraycopy(batch.data, batch.fieldStart[base + i], buffer, at, length);
                at += length;
            }
        }
        return at;
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

    /** Rows copied out of the input with their fields and computed columns: the unit handed between threads. */
    private final class Batch {
        static final int ROWS = 4096;
        byte[] data = new byte[ROWS * 64];
        int used;
        int size;
        final int[] lineStart = new int[ROWS];
        final int[] lineEnd = new int[ROWS];
        final int[] fields = new int[ROWS];
        final int[] fieldStart = new int[ROWS * (inputColumns.length + 1)];
        final int[] fieldEnd = new int[ROWS * (inputColumns.length + 1)];
        final double[] results = new double[ROWS * outputColumns.length];
        final String[] errors = new String[ROWS];
        final double[] numbers = new double[inputColumns.length - 1];
        final double[] scratch = new double[outputColumns.length];

        /** Copies a line in; false when the batch is full. */
        boolean add(byte[] line, int from, int to) {
            int length = to - from;
            if (size == ROWS || (used + length > data.length && size > 0)) {
                return false;
            }
            if (used + length > data.length) {
                data = Arrays.copyOf(data, used + length); // a single line longer than a whole batch
            }
            System.arraycopy(line, from, data, used, length);
            lineStart[size] = used;
            lineEnd[size] = used + length;
            used += length;
            size++;
            return true;
        }

        /** Splits row {@code row} into its fields: see {@link CsvPricingCommand#split}. */
        int split(int row, int limit) {
            return CsvPricingCommand.split(data, lineStart[row], lineEnd[row], fieldStart, fieldEnd,
                    row * (limit + 1), limit);
        }

        void clear() {
            used = 0;
            size = 0;
        }
    }

    /**
     * Two stages on two threads: the caller reads, parses and prices; a writer thread formats and writes, in
     * order. Three batches circulate through bounded queues, so memory stays fixed however many rows stream by.
     */
    private final class RowPipeline {
        private static final int BATCHES = 3;
        private final BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(BATCHES + 1);
        private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
        private final Batch endOfInput = new Batch();
        private final OutputStream out;
        private final Thread writer;
        private volatile IOException failure;

        RowPipeline(OutputStream out) {
            this.out = out;
            for (int i = 0; i < BATCHES; i++) {
                empty.add(new Batch());
            }
            writer = new Thread(this::write, "csv-writer");
            writer.setDaemon(true);
        }

        void start() {
            writer.start();
        }

        Batch emptyBatch() throws IOException {
            Batch batch = take(empty);
            batch.clear();
            return batch;
        }

        void hand(Batch batch) throws IOException {
            put(full, batch);
        }

        void finish() throws IOException {
            put(full, endOfInput);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing rows");
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void write() {
            byte[] buffer = new byte[FLUSH_AT + 4096];
            int at = 0;
            try {
                for (Batch batch = take(full); batch != endOfInput; batch = take(full)) {
                    at = format(batch, buffer, at, out);
                    put(empty, batch);
                }
                out.write(buffer, 0, at);
                out.flush();
            } catch (IOException e) {
                failure = e;
                empty.offer(new Batch()); // let a reader blocked on a batch wake up and see the failure
                full.clear();
            }
        }

        private Batch take(BlockingQueue<Batch> queue) throws IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while streaming rows");
            }
        }

        private void put(BlockingQueue<Batch> queue, Batch batch) throws IOException {
            if (failure != null && queue == full) {
                throw failure;
            }
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while streaming rows");
            }
        }
    }

    /**
     * Records of an input stream as slices of one reused buffer, without the line terminator (LF or CRLF): a line
     * break inside a quoted field belongs to the record.
     */
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
                boolean quoted = false;
                for (int i = position; i < filled; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n' && !quoted) {
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
                buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
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
