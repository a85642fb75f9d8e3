package io.backstop.cli;

import io.backstop.pricing.cli.CommandVersion;
import io.backstop.pricing.cli.ImpliedVolCommand;
import io.backstop.pricing.cli.PriceCommand;
import io.backstop.vault.simulation.cli.SimulateCommand;
import java.util.Arrays;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./backstop}: the command tree the launcher runs. Every command has {@code --help}; {@code help COMMAND}
 * says the same; {@code generate-completion} prints a bash completion script.
 */
@Command(name = "backstop", mixinStandardHelpOptions = true, versionProvider = CommandVersion.class,
        usageHelpWidth = 100, synopsisSubcommandLabel = "COMMAND",
        headerHeading = "", header = "Backstop: an options-AMM liquidity pool, its insurance buffer and its simulator.",
        synopsisHeading = "%nUsage: ", commandListHeading = "%nCommands:%n",
        footerHeading = "%n", footer = {
            "Run 'backstop help COMMAND' or 'backstop COMMAND --help' for a command's options.",
            "Options take their value as --opt=value or --opt value.",
            "Bash completion:  source <(./backstop generate-completion)"},
        subcommands = {PriceCommand.class, ImpliedVolCommand.class, SimulateCommand.class, ServeCommand.class,
            OracleReplayCommand.class,
            CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class})
public final class BackstopCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a command there is nothing to do: a usage error (exit status 2) with the list of commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    /** The command line with every subcommand, generate-completion listed among them. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new BackstopCommand());
        line.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return line;
    }

    /**
     * Runs {@code args} and exits with the command's status: 0 done, 1 failed, 2 bad input or usage. The pricing
     * commands are built alone, without the rest of the tree: their users pipe many small files through them, and
     * the whole tree's model costs a JVM start a sixth of a second more (BENCHMARKS.md).
     */
    public static void main(String[] args) {
        CommandLine line = args.length == 0 ? null : switch (args[0]) {
            case "price" -> new CommandLine(new PriceCommand());
            case "implied-vol" -> new CommandLine(new ImpliedVolCommand());
            default -> null;
        };
        if (line == null) {
            System.exit(commandLine().execute(args));
        }
        System.exit(line.setCommandName("backstop " + args[0]).execute(Arrays.copyOfRange(args, 1, args.length)));
    }
}
