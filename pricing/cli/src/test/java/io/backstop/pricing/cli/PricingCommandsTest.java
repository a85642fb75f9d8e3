package io.backstop.pricing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code price} and {@code implied-vol} end to end: CSV in, CSV out, exit status. */
class PricingCommandsTest {

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String command, String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CsvPricingCommand csv = command.equals("price") ? new PriceCommand() : new ImpliedVolCommand();
        int status = csv.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void price_writesInputColumnsThenPriceAndGreeksWithFullPrecision() throws IOException {
        Outcome outcome = run("price", "type,spot,strike,expiry,rate,dividend,vol\ncall,60,65,0.25,0.08,0,0.3\n");
        assertThat(outcome.status()).isZero();
        String[] lines = outcome.out().split("\n");
        assertThat(lines[0]).isEqualTo(
                "type,spot,strike,expiry,rate,dividend,vol,price,delta,gamma,vega,theta,rho,vanna,volga,error");
        String[] fields = lines[1].split(",", -1);
        assertThat(fields).hasSize(16);
        assertThat(String.join(",", java.util.Arrays.copyOf(fields, 7))).isEqualTo("call,60,65,0.25,0.08,0,0.3");
        double expected = BlackScholesMerton.price(OptionType.CALL, 60, 65, 0.25, 0.08, 0, 0.3);
        assertThat(Double.parseDouble(fields[7])).isEqualTo(expected);
        assertThat(Double.parseDouble(fields[7])).isCloseTo(2.1334, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(fields[15]).isEmpty();
    }

    @Test
    void price_reportsEachBadRowAndStillPricesTheOthers() throws IOException {
        String input = String.join("\n",
                "type,spot,strike,expiry,rate,dividend,vol",
                "call,100,100,1,0,0,0.2",
                "put,-3,100,1,0,0,0.2",
                "straddle,100,100,1,0,0,0.2",
                "call,abc,100,1,0,0,0.2",
                "call,100,100,1,0,0",
                "call,100,100,1,0,0,0.2,9",
                "put,100,100,1,0,0,0.2") + "\n";
        Outcome outcome = run("price", input);
        assertThat(outcome.status()).isEqualTo(2);
        String[] lines = outcome.out().split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[1]).endsWith(",");
        assertThat(lines[2]).isEqualTo("put,-3,100,1,0,0,0.2,,,,,,,,,\"spot must be positive and finite, was -3.0\"");
        assertThat(lines[3]).endsWith(",,,,,,,,,\"option type must be 'call' or 'put', was 'straddle'\"");
        assertThat(lines[4]).endsWith(",\"spot is not a number: 'abc'\"");
        assertThat(lines[5]).isEqualTo("call,100,100,1,0,0,,,,,,,,,,"
                + "\"expected 7 fields (type,spot,strike,expiry,rate,dividend,vol), got 6\"");
        assertThat(lines[6]).startsWith("call,100,100,1,0,0,0.2,,,,,,,,,\"expected 7 fields");
        assertThat(lines[7].split(",", -1)[7]).isNotEmpty();
        for (String line : lines) {
            assertThat(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).as(line).hasSize(16);
        }
    }

    @Test
    void price_refusesAWrongHeaderBeforeWritingAnything() throws IOException {
        Outcome outcome = run("price", "type,spot,strike\ncall,1,2\n");
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).contains("expected the header line 'type,spot,strike,expiry,rate,dividend,vol'");
        assertThat(run("price", "").err()).contains("no input");
    }

    @Test
    void price_acceptsCrlfAndSkipsBlankLines() throws IOException {
        Outcome outcome = run("price", "type,spot,strike,expiry,rate,dividend,vol\r\n\r\nput,100,95,0.5,0.1,0.05,0.2");
        assertThat(outcome.status()).isZero();
        String[] lines = outcome.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(Double.parseDouble(lines[1].split(",")[7]))
                .isCloseTo(2.4648, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void impliedVol_recoversTheVolatilityAndTypesNoSolution() throws IOException {
        double price = BlackScholesMerton.price(OptionType.PUT, 2000, 1800, 30 / 365.0, 0.05, 0, 0.8);
        String input = "type,spot,strike,expiry,rate,dividend,price\n"
                + "put,2000,1800," + 30 / 365.0 + ",0.05,0," + price + "\n"
                + "call,100,90,1,0,0,5\n";
        Outcome outcome = run("implied-vol", input);
        assertThat(outcome.status()).isEqualTo(2);
        String[] lines = outcome.out().split("\n");
        assertThat(lines[0]).isEqualTo("type,spot,strike,expiry,rate,dividend,price,implied_vol,error");
        assertThat(Double.parseDouble(lines[1].split(",")[7])).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(lines[2]).startsWith(
                "call,100,90,1,0,0,5,,\"no implied volatility: price 5.0 is below the intrinsic value 10.0");
    }

    @Test
    void help_describesTheColumnsAndAnUnknownOptionIsAUsageError() {
        StringWriter help = new StringWriter();
        CommandLine price = new CommandLine(new PriceCommand()).setOut(new PrintWriter(help));
        assertThat(price.execute("--help")).isZero();
        assertThat(help.toString()).contains("Usage: backstop price")
                .contains("type,spot,strike,expiry,rate,dividend,vol")
                .contains("RFC 4180");
        StringWriter err = new StringWriter();
        CommandLine vol = new CommandLine(new ImpliedVolCommand()).setErr(new PrintWriter(err));
        assertThat(vol.execute("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'").contains("Usage: backstop implied-vol");
    }

    @Test
    void quotedFields_asSpreadsheetsWriteThem_priceAsIfUnquoted() throws IOException {
        String plain = run("price", "type,spot,strike,expiry,rate,dividend,vol\ncall,60,65,0.25,0.08,0,0.3\n").out();
        Outcome quoted = run("price", "\"type\",\"spot\",\"strike\",\"expiry\",\"rate\",\"dividend\",\"vol\"\r\n"
                + "\"call\",\"60\",65,\"0.25\",0.08,\"0\",0.3\r\n");
        assertThat(quoted.status()).as(quoted.err()).isZero();
        String[] a = plain.split("\n")[1].split(",", -1);
        String[] b = quoted.out().split("\n")[1].split(",", -1);
        assertThat(String.join(",", Arrays.copyOf(b, 7))).isEqualTo("\"call\",\"60\",65,\"0.25\",0.08,\"0\",0.3");
        assertThat(Arrays.copyOfRange(b, 7, 16)).containsExactly(Arrays.copyOfRange(a, 7, 16));
    }

    @Test
    void aQuotedFieldMayHoldCommasQuotesAndLineBreaks_andStaysOneRow() throws IOException {
        String input = "type,spot,strike,expiry,rate,dividend,vol\n"
                + "\"call, \"\"the big one\"\"\nsecond line\",100,100,1,0,0,0.2\n"
                + "put,100,100,1,0,0,0.2\n";
        Outcome outcome = run("price", input);
        assertThat(outcome.status()).isEqualTo(2);
        String[] records = outcome.out().split("\n(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertThat(records).hasSize(3);
        assertThat(records[1]).startsWith("\"call, \"\"the big one\"\"\nsecond line\",100,100,1,0,0,0.2,,")
                .contains("option type must be 'call' or 'put'");
        assertThat(records[2].split(",", -1)[7]).isNotEmpty();
    }

    @Test
    void anUnterminatedQuote_isThatRowsError() throws IOException {
        Outcome outcome = run("price", "type,spot,strike,expiry,rate,dividend,vol\nput,100,100,1,0,0,0.2\n"
                + "call,\"100,100,1,0,0,0.2\n");
        assertThat(outcome.status()).isEqualTo(2);
        String[] lines = outcome.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1].split(",", -1)[7]).isNotEmpty();
        assertThat(lines[2]).isEqualTo(",,,,,,,,,,,,,,,\"a quoted field has no closing quote\"");
    }

    @Test
    void price_streamsWithoutHoldingRows() throws IOException {
        // 200,000 rows through a sink that keeps nothing: memory stays at the fixed buffers.
        StringBuilder rows = new StringBuilder("type,spot,strike,expiry,rate,dividend,vol\n");
        for (int i = 0; i < 1000; i++) {
            rows.append("call,100,").append(80 + i % 40).append(",0.5,0.01,0,0.3\n");
        }
        byte[] block = rows.substring(rows.indexOf("\n") + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] header = "type,spot,strike,expiry,rate,dividend,vol\n".getBytes(StandardCharsets.US_ASCII);
        java.io.InputStream repeated = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(header),
                new java.io.InputStream() {
                    private long served;
                    private final long total = 200L * block.length;

                    @Override
                    public int read() {
                        return served < total ? block[(int) (served++ % block.length)] : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (served >= total) {
                            return -1;
                        }
                        int n = (int) Math.min(len, total - served);
                        for (int i = 0; i < n; i++) {
                            b[off + i] = block[(int) (served++ % block.length)];
                        }
                        return n;
                    }
                });
        long[] lines = {0};
        java.io.OutputStream counting = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    lines[0]++;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        lines[0]++;
                    }
                }
            }
        };
        int status = new PriceCommand().run(repeated, counting, System.err);
        assertThat(status).isZero();
        assertThat(lines[0]).isEqualTo(200_001);
    }
}
