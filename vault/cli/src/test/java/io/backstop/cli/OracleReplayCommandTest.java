package io.backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A price history is checked whole before anything is posted; bad input exits 2 naming the line. */
class OracleReplayCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aHistoryIsReadInOrderWithItsLineNumbers() {
        List<OracleReplayCommand.Row> rows = OracleReplayCommand.read(List.of("timestamp,price",
                "2020-03-12T00:00:00Z,194.70", "", " 2020-03-12T00:01:00Z , 193.5 "));
        assertThat(rows).containsExactly(
                new OracleReplayCommand.Row(2, Instant.parse("2020-03-12T00:00:00Z"), new BigDecimal("194.70")),
                new OracleReplayCommand.Row(4, Instant.parse("2020-03-12T00:01:00Z"), new BigDecimal("193.5")));
    }

    @Test
    void badHistoriesAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> OracleReplayCommand.read(List.of("time,price", "2020-03-12T00:00:00Z,1")))
                .hasMessage("line 1: the header must be timestamp,price");
        assertThatThrownBy(() -> OracleReplayCommand.read(List.of("timestamp,price", "yesterday,1")))
                .hasMessageStartingWith("line 2: not an ISO-8601 instant and a decimal");
        assertThatThrownBy(() -> OracleReplayCommand.read(List.of("timestamp,price", "2020-03-12T00:00:00Z,-1")))
                .hasMessage("line 2: the price must be positive, was -1");
        assertThatThrownBy(() -> OracleReplayCommand.read(List.of("timestamp,price", "2020-03-12T00:01:00Z,1",
                "2020-03-12T00:01:00Z,2"))).hasMessageStartingWith("line 3: timestamps must ascend");
        assertThatThrownBy(() -> OracleReplayCommand.read(List.of("timestamp,price", "2020-03-12T00:01:00Z,1,2")))
                .hasMessage("line 2: expected timestamp,price, found 3 fields");
        assertThatThrownBy(() -> OracleReplayCommand.read(List.of("timestamp,price")))
                .hasMessage("no prices after the header");
    }

    @Test
    void badInputExitsTwoAndPostsNothing() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.csv"), "timestamp,price\nnot-a-time,1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // Nothing listens on port 9: were anything posted, the answer would be a connection failure (exit 1).
        int status = new CommandLine(new OracleReplayCommand(System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8))).execute("--url=http://127.0.0.1:9", "--underlying=ETH", "--file=" + file);
        assertThat(status).isEqualTo(OracleReplayCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2: not an ISO-8601 instant");
        assertThat(new CommandLine(new OracleReplayCommand()).execute("--underlying=ETH", "--file="
                + tmp.resolve("missing.csv"))).isEqualTo(OracleReplayCommand.BAD_INPUT);
    }
}
