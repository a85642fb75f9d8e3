package io.backstop.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through is {@code deploy/walkthrough}, and it must keep working: run against a fresh local-mode
 * service started as the README says (with the demo oracle), then against the same data directory after a restart,
 * each run must succeed step by step, with its own deposit, trade, sale back, settlement and withdrawal, and the
 * books must still balance.
 */
class WalkthroughIT {

    private static final Pattern TRADE = Pattern.compile("\"tradeId\":\"([^\"]+)\"");

    private LaunchedService service;

    @BeforeEach
    void launch() throws Exception {
        service = new LaunchedService("backstop-walkthrough", Map.of());
    }

    @AfterEach
    void cleanUp() throws Exception {
        service.close();
    }

    @Test
    void theWalkthroughRunsOnAFreshServiceAndAgainOnTheSameDataDirectory() throws Exception {
        service.start("first");
        String first = walkthrough("first");
        assertThat(service.stop()).isTrue();
        service.start("second");
        String second = walkthrough("second");

        for (String run : new String[] {first, second}) {
            assertThat(run).contains("== walk-through complete").contains("\"status\":\"SETTLED\"")
                    .contains("\"remaining\":\"1\"").contains("\"status\":\"PAID\"");
        }
        // The second run made its own trade, not a replay of the first's.
        assertThat(firstTrade(second)).isNotEqualTo(firstTrade(first));
        assertThat(second).contains("\"deposited\":\"200000\"");
        try (Connection db = service.database()) {
            assertThat(JournalFold.mismatches(db)).isEmpty();
        }
    }

    /** Runs the script against the service; its whole output, once it has exited 0. */
    private String walkthrough(String name) throws Exception {
        Path output = service.dataDir().resolve("walkthrough-" + name + ".txt");
        Process script = new ProcessBuilder("bash", LaunchedService.REPOSITORY.resolve("deploy/walkthrough")
                .toString(), "http://127.0.0.1:" + service.port()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(script.waitFor(5, TimeUnit.MINUTES)).as("the walk-through finished").isTrue();
        String text = Files.readString(output);
        assertThat(script.exitValue()).as("the %s walk-through:%n%s", name, text).isZero();
        return text;
    }

    private static String firstTrade(String output) {
        Matcher m = TRADE.matcher(output);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
