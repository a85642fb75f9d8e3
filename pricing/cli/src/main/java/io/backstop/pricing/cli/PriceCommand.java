package io.backstop.pricing.cli;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import picocli.CommandLine.Command;

/** {@code price}: the Black-Scholes-Merton price and Greeks of each row. */
@Command(name = "price", mixinStandardHelpOptions = true, versionProvider = CommandVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        headerHeading = "", header = "Prices European options and their Greeks, CSV in and CSV out.",
        synopsisHeading = "%nUsage: ", customSynopsis = "backstop price [-hV] < options.csv > prices.csv",
        descriptionHeading = "%n", description = {
            "Reads   type,spot,strike,expiry,rate,dividend,vol",
            "Writes  those columns as given, then price,delta,gamma,vega,theta,rho,vanna,volga,error",
            "",
            "type is call or put; expiry in years; rate, dividend and vol per 1.00 (0.05 is 5%%).",
            "vega per 1.00 of vol, theta per year of calendar time, rho per 1.00 of rate.",
            "Input is RFC 4180 CSV: fields and the header may be quoted (\"0.05\"), as spreadsheets write them."},
        footerHeading = "%n", footer = {
            "A bad row gets its message in error and the other rows still go through; the exit status is then 2.",
            "Example:  printf 'type,spot,strike,expiry,rate,dividend,vol\\ncall,100,105,0.5,0.03,0,0.2\\n' "
                    + "| backstop price"})
public final class PriceCommand extends CsvPricingCommand {

    /** The command with its columns. */
    public PriceCommand() {
        super(new String[] {"type", "spot", "strike", "expiry", "rate", "dividend", "vol"},
                new String[] {"price", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga", "error"});
    }

    @Override
    void evaluate(OptionType type, double[] n, double[] results) {
        BlackScholesMerton.greeks(type, n[0], n[1], n[2], n[3], n[4], n[5], results);
    }
}
