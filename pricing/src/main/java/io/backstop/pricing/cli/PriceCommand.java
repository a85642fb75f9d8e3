package io.backstop.pricing.cli;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;

/** {@code price}: the Black-Scholes-Merton price and Greeks of each row. */
final class PriceCommand extends CsvPricingCommand {

    PriceCommand() {
        super(new String[] {"type", "spot", "strike", "expiry", "rate", "dividend", "vol"},
                new String[] {"price", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga", "error"});
    }

    @Override
    void evaluate(OptionType type, double[] n, double[] results) {
        BlackScholesMerton.greeks(type, n[0], n[1], n[2], n[3], n[4], n[5], results);
    }
}
