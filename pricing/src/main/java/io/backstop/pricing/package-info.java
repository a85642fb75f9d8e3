/**
 * European option pricing under Black-Scholes-Merton: prices and Greeks ({@link io.backstop.pricing.BlackScholesMerton}),
 * implied volatility by Jäckel's "Let's Be Rational" ({@link io.backstop.pricing.ImpliedVolatility}) and the
 * normalised Black function both rest on ({@link io.backstop.pricing.NormalisedBlack}).
 *
 * <p>Conventions, everywhere in this package: time in years; rates and dividend yields continuously compounded
 * per year; volatility per 1.00 (0.2 is 20%); vega is dV/dσ per 1.00 of volatility; theta is dV/dt per year of
 * calendar time (the value change as time passes, i.e. −dV/dT); rho is dV/dr per 1.00 of rate.
 */
package io.backstop.pricing;
