package io.backstop.pricing.cli;

import io.backstop.pricing.ImpliedVolatility;
import io.backstop.pricing.OptionType;

/** {@code implied-vol}: the Black-Scholes-Merton volatility that reproduces each row's price. */
final class ImpliedVolCommand extends CsvPricingCommand {

    ImpliedVolCommand() {
        super(new String[] {"type", "spot", "strike", "expiry", "rate", "dividend", "price"},
                new String[] {"implied_vol", "error"});
    }

    @Override
    void evaluate(OptionType type, double[] n, double[] results) {
        results[0] = ImpliedVolatility.of(type, n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
