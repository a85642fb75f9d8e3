package io.backstop.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./backstop oracle-replay} against the packaged service in local mode: a price history drives the demo
 * vault through the oracle endpoint, the service's clock moved by each gap; a jump the oracle rules refuse is
 * reported with its line and problem, and the replay goes on.
 */
class OracleReplayIT {

    private LaunchedService service;

    @BeforeEach
    void launch() throws Exception {
        service = new LaunchedService("backstop-replay", Map.of("BACKSTOP_FEED_ENABLED", "false"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        service.close();
    }

    @Test
    void aPriceHistoryDrivesTheVaultAndARefusedPriceIsReported() throws Exception {
        service.start("replay");
        Path history = Files.writeString(service.dataDir().resolve("eth.csv"), """
                timestamp,price
                2020-03-12T00:00:00Z,2000
                2020-03-12T00:01:00Z,2010.5
                2020-03-12T00:02:00Z,2021
                2020-03-12T00:03:00Z,3500
                2020-03-12T00:04:00Z,2032.25
                """);
        Run run = replay(history);
        assertThat(run.status).as(run.output).isEqualTo(1);
        assertThat(run.output).contains("replayed 5 prices of ETH from 2020-03-12T00:00:00Z to 2020-03-12T00:04:00Z: "
                + "4 accepted, 1 refused").contains("line 5 (2020-03-12T00:03:00Z, 3500): 422 price-jump:");
        assertThat(new JsonObject(service.get("/api/v1/vaults/eth-usd")).getString("spot")).isEqualTo("2032.25");

        Path calm = Files.writeString(service.dataDir().resolve("calm.csv"), """
                timestamp,price
                2020-03-12T00:05:00Z,2030
                2020-03-12T00:06:00Z,2031
                """);
        Run again = replay(calm);
        assertThat(again.status).as(again.output).isZero();
        assertThat(new JsonObject(service.get("/api/v1/vaults/eth-usd")).getString("spot")).isEqualTo("2031");
    }

    private record Run(int status, String output) {
    }

    private Run replay(Path file) throws Exception {
        Path output = service.dataDir().resolve(file.getFileName() + ".out");
        Process replay = new ProcessBuilder("bash", LaunchedService.REPOSITORY.resolve("backstop").toString(),
                "oracle-replay", "--url=http://127.0.0.1:" + service.port(), "--underlying=ETH", "--file=" + file,
                "--advance-clock").directory(LaunchedService.REPOSITORY.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(replay.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(replay.exitValue(), Files.readString(output));
    }
}
