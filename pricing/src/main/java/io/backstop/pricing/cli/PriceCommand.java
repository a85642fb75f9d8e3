package io.backstop.pricing.cli;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionGreeks;
import io.backstop.pricing.OptionType;

/** {@code price}: the Black-Scholes-Merton price and Greeks of each row. */
final class PriceCommand extends CsvPricingCommand {

    PriceCommand() {
        super(new String[] {"type", "spot", "strike", "expiry", "rate", "dividend", "vol"},
                new String[] {"price", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga", "error"});
    }

    @Override
    void evaluate(OptionType type, double[] n, double[] results) {
        OptionGreeks g = BlackScholesMerton.greeks(type, n[0], n[1], n[2], n[3], n[4], n[5]);
        results[0] = g.price();
        results[1] = g.delta();
        results[2] = g.gamma();
        results[3] = g.vega();
        results[4] = g.theta();
        results[5] = g.rho();
        results[6] = g.vanna();
        results[7] = g.volga();
    }
}
