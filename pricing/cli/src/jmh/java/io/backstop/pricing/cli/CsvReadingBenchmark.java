package io.backstop.pricing.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.backstop.pricing.OptionType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether a maintained CSV reader (FastCSV 3.4, the fastest on the JVM by its own and third-party measurements)
 * could replace the price command's own RFC 4180 reader: each benchmark reads the same 100,000 option rows and
 * turns every field into what the command prices (an option type and six doubles). {@code priceCommand} is the
 * whole command on those rows, reading to writing, for the scale: the extra time of the library's reading is
 * what switching would add to the command's reading-and-pricing thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CsvReadingBenchmark {

    private static final int ROWS = 100_000;

    /** Plain fields, or every field quoted as spreadsheets and R's write.csv write them. */
    @Param({"plain", "quoted"})
    public String style;

    private byte[] input;

    @Setup
    public void rows() {
        SplittableRandom random = new SplittableRandom(1);
        String q = style.equals("quoted") ? "\"" : "";
        StringBuilder csv = new StringBuilder(ROWS * 48);
        csv.append(String.join(",", q + "type" + q, q + "spot" + q, q + "strike" + q, q + "expiry" + q,
                q + "rate" + q, q + "dividend" + q, q + "vol" + q)).append('\n');
        int[] days = {1, 7, 30, 90, 180, 365};
        for (int i = 0; i < ROWS; i++) {
            long strike = Math.round(2000 * (0.5 + 1.5 * random.nextDouble()) / 25) * 25;
            csv.append(q).append(random.nextBoolean() ? "call" : "put").append(q).append(',')
                    .append(q).append("2000").append(q).append(',')
                    .append(q).append(strike).append(q).append(',')
                    .append(q).append(String.format("%.6f", days[random.nextInt(days.length)] / 365.0)).append(q)
                    .append(',').append(q).append("0.05").append(q).append(',').append(q).append('0').append(q)
                    .append(',').append(q).append(String.format("%.4f", 0.3 + 1.2 * random.nextDouble())).append(q)
                    .append('\n');
        }
        input = csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The command's own reader: records and fields as slices of one buffer, numbers parsed from the bytes. */
    @Benchmark
    public double ownReader() throws IOException {
        CsvPricingCommand.LineReader lines = new CsvPricingCommand.LineReader(new ByteArrayInputStream(input));
        int[] starts = new int[8];
        int[] ends = new int[8];
        double sum = 0;
        lines.next(); // the header
        while (lines.next()) {
            byte[] data = lines.bytes();
            CsvPricingCommand.split(data, lines.start(), lines.end(), starts, ends, 0, 7);
            OptionType type = CsvPricingCommand.optionType(data, CsvPricingCommand.contentStart(data, starts[0],
                    ends[0]), CsvPricingCommand.contentEnd(data, starts[0], ends[0]));
            sum += type.ordinal();
            for (int f = 1; f < 7; f++) {
                sum += DecimalParser.parse(data, CsvPricingCommand.contentStart(data, starts[f], ends[f]),
                        CsvPricingCommand.contentEnd(data, starts[f], ends[f]));
            }
        }
        return sum;
    }

    /** FastCSV: a record of Strings per row, each number parsed with the JDK. */
    @Benchmark
    public double fastCsv() throws IOException {
        double sum = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new InputStreamReader(
                new ByteArrayInputStream(input), StandardCharsets.UTF_8))) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                sum += OptionType.parse(record.getField(0)).ordinal();
                for (int f = 1; f < 7; f++) {
                    sum += Double.parseDouble(record.getField(f));
                }
            }
        }
        return sum;
    }

    /** The whole price command on the same rows: read, price, format, write (to nowhere). */
    @Benchmark
    public int priceCommand() throws IOException {
        return new PriceCommand().run(new ByteArrayInputStream(input), OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream()));
    }
}
