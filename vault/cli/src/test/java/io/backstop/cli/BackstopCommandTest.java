package io.backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command tree as the launcher runs it: help, version, usage errors, completion and serve's plan. */
class BackstopCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int backstop(String... args) {
        CommandLine line = BackstopCommand.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void help_listsEveryCommand_andEachCommandHasItsOwn() {
        assertThat(backstop("--help")).isZero();
        assertThat(out.toString()).contains("Usage: backstop [-hV] COMMAND").contains("price").contains("implied-vol")
                .contains("simulate").contains("serve").contains("generate-completion");
        for (String command : new String[] {"price", "implied-vol", "simulate", "serve"}) {
            out.getBuffer().setLength(0);
            assertThat(backstop("help", command)).as(command).isZero();
            assertThat(out.toString()).as(command).contains("Usage: backstop " + command);
        }
    }

    @Test
    void version_namesTheBuildAndTheJava() {
        assertThat(backstop("--version")).isZero();
        assertThat(out.toString()).startsWith("backstop ").contains("Java 17");
    }

    @Test
    void noCommandOrAnUnknownOne_isAUsageError() {
        assertThat(backstop()).isEqualTo(2);
        assertThat(err.toString()).contains("a command is required").contains("Usage: backstop");
        err.getBuffer().setLength(0);
        assertThat(backstop("pricee")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'pricee'").contains("price");
    }

    @Test
    void completion_isABashScriptThatKnowsTheCommandsAndOptions() {
        assertThat(backstop("generate-completion")).isZero();
        assertThat(out.toString()).contains("complete -F").contains("simulate").contains("--scenario")
                .contains("implied-vol");
    }

    @Test
    void serveHelp_printsHelpAndPlansNothing() {
        Path plan = tmp.resolve("plan");
        assertThat(backstop("serve", "--help", "--launch-file=" + plan)).isZero();
        assertThat(out.toString()).contains("Usage: backstop serve").contains("--port=PORT").contains("--data-dir=DIR");
        assertThat(plan).doesNotExist();
    }

    @Test
    void serve_plansTheServicesOptions_inEitherOptionForm() throws IOException {
        Path plan = tmp.resolve("plan");
        assertThat(backstop("serve", "--launch-file=" + plan, "--port=9090", "--host", "0.0.0.0", "--data-dir",
                tmp.resolve("data").toString())).isZero();
        assertThat(Files.readString(plan, StandardCharsets.UTF_8).split("\0")).containsExactly("start",
                "-Dquarkus.http.port=9090", "-Dquarkus.http.host=0.0.0.0",
                "-Dbackstop.data-dir=" + tmp.resolve("data").toAbsolutePath());
    }

    @Test
    void serve_refusesABadPortBeforeStartingAnything() {
        Path plan = tmp.resolve("plan");
        assertThat(backstop("serve", "--launch-file=" + plan, "--port=70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535, was 70000");
        assertThat(plan).doesNotExist();
        assertThat(backstop("serve", "--launch-file=" + plan, "--port=http")).isEqualTo(2);
        assertThat(plan).doesNotExist();
    }
}
