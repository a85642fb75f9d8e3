package io.backstop.pricing;

/**
 * A European option's value and sensitivities under Black-Scholes-Merton, all in the package's conventions.
 *
 * @param price the present value
 * @param delta ∂V/∂S
 * @param gamma ∂²V/∂S²
 * @param vega  ∂V/∂σ per 1.00 of volatility
 * @param theta ∂V/∂t per year of calendar time (−∂V/∂T)
 * @param rho   ∂V/∂r per 1.00 of rate
 * @param vanna ∂²V/∂S∂σ
 * @param volga ∂²V/∂σ²
 */
public record OptionGreeks(
        double price, double delta, double gamma, double vega, double theta, double rho, double vanna, double volga) {
}
