package io.backstop.pricing.cli;

import io.backstop.pricing.ImpliedVolatility;
import io.backstop.pricing.OptionType;
import picocli.CommandLine.Command;

/** {@code implied-vol}: the Black-Scholes-Merton volatility that reproduces each row's price. */
@Command(name = "implied-vol", mixinStandardHelpOptions = true, versionProvider = CommandVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        headerHeading = "", header = "Implied volatilities of European option prices, CSV in and CSV out.",
        synopsisHeading = "%nUsage: ", customSynopsis = "backstop implied-vol [-hV] < prices.csv > vols.csv",
        descriptionHeading = "%n", description = {
            "Reads   type,spot,strike,expiry,rate,dividend,price",
            "Writes  those columns as given, then implied_vol,error",
            "",
            "type is call or put; expiry in years; rate and dividend per 1.00 (0.05 is 5%%).",
            "Solved with Jaeckel's \"Let's Be Rational\" to machine precision.",
            "Input is RFC 4180 CSV: fields and the header may be quoted (\"0.05\"), as spreadsheets write them."},
        footerHeading = "%n", footer = {
            "A price outside the no-arbitrage bounds gets its reason in error; the exit status is then 2."})
public final class ImpliedVolCommand extends CsvPricingCommand {

    /** The command with its columns. */
    public ImpliedVolCommand() {
        super(new String[] {"type", "spot", "strike", "expiry", "rate", "dividend", "price"},
                new String[] {"implied_vol", "error"});
    }

    @Override
    void evaluate(OptionType type, double[] n, double[] results) {
        results[0] = ImpliedVolatility.of(type, n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
