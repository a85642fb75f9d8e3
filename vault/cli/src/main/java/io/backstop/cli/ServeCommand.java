package io.backstop.cli;

import io.backstop.pricing.cli.CommandVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./backstop serve}: checks the options and hands the service's JVM options to the launcher, which then
 * replaces itself with the service (a JVM cannot exec another). So {@code serve --help} or a bad option prints and
 * exits without starting anything, and the service runs as the launcher's own process, signals and all.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = CommandVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        headerHeading = "", header = "Runs the service: the REST API, settlement at expiry and the event stream.",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", description = {
            "Without a database URL (QUARKUS_DATASOURCE_REACTIVE_URL) it runs in local mode: its own PostgreSQL 17",
            "in the data folder, dev tokens (POST /api/v1/dev/token) and a clock that can be advanced.",
            "Any Quarkus setting can also be given as an environment variable (README, 'Configuration')."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n", footer = {"Example:  backstop serve --port=9090 --data-dir=/var/lib/backstop"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (default: $QUARKUS_HTTP_PORT, else 8080; 0 picks a free one)")
    private Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "address to listen on (default: 127.0.0.1 in local mode, else 0.0.0.0)")
    private String host;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "local mode's PostgreSQL, secrets and logs (default: $BACKSTOP_DATA_DIR, else ./data)")
    private Path dataDir;

    @Option(names = "--launch-file", paramLabel = "FILE", hidden = true, required = true,
            description = "where the launcher reads the service's JVM options from")
    private Path launchFile;

    @Spec
    private CommandSpec spec;

    /** Writes the service's JVM options, NUL-separated, for the launcher to exec with. */
    @Override
    public Integer call() throws IOException {
        List<String> jvm = new ArrayList<>();
        if (port != null) {
            if (port < 0 || port > 65_535) {
                throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
            }
            jvm.add("-Dquarkus.http.port=" + port);
        }
        if (host != null) {
            if (host.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--host must not be empty");
            }
            jvm.add("-Dquarkus.http.host=" + host);
        }
        if (dataDir != null) {
            jvm.add("-Dbackstop.data-dir=" + dataDir.toAbsolutePath().normalize());
        }
        StringBuilder plan = new StringBuilder("start");
        for (String option : jvm) {
            plan.append('\0').append(option);
        }
        Files.writeString(launchFile, plan.append('\0'), StandardCharsets.UTF_8);
        return 0;
    }
}
