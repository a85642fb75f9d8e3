/**
 * Volatility surfaces: per-expiry raw SVI smiles in log-moneyness ({@link io.backstop.pricing.surface.SviSmile}),
 * total variance interpolated across expiries ({@link io.backstop.pricing.surface.VolatilitySurface}), static
 * arbitrage checks ({@link io.backstop.pricing.surface.ArbitrageCheck}) and calibration of a smile to quoted implied
 * volatilities ({@link io.backstop.pricing.surface.SviCalibration}).
 *
 * <p>Raw SVI (Gatheral, 2004) is chosen because it is the parameterisation desks and the literature calibrate
 * and check: five parameters with a direct reading (level, slope, skew, shift, curvature), linear wings as Lee's
 * moment formula requires, and closed-form first and second derivatives for Durrleman's butterfly condition.
 */
package io.backstop.pricing.surface;
