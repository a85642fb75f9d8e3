package io.backstop.pricing.bench;

import io.backstop.pricing.OptionType;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The baseline: the textbook S·e^{−qT}·N(d1) − K·e^{−rT}·N(d2) and its Greeks on Commons Math 3.6.1's
 * {@code NormalDistribution}, as most Java code writes it.
 */
final class TextbookBlackScholes {

    private static final NormalDistribution N = new NormalDistribution(0, 1);

    private TextbookBlackScholes() {
    }

    static double price(OptionType type, double s, double k, double t, double r, double q, double vol) {
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r - q + 0.5 * vol * vol) * t) / (vol * sqrtT);
        double d2 = d1 - vol * sqrtT;
        if (type == OptionType.CALL) {
            return s * Math.exp(-q * t) * N.cumulativeProbability(d1) - k * Math.exp(-r * t) * N.cumulativeProbability(d2);
        }
        return k * Math.exp(-r * t) * N.cumulativeProbability(-d2) - s * Math.exp(-q * t) * N.cumulativeProbability(-d1);
    }

    /** Price, delta, gamma, vega, theta, rho, vanna, volga into {@code out}. */
    static void greeks(OptionType type, double s, double k, double t, double r, double q, double vol, double[] out) {
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r - q + 0.5 * vol * vol) * t) / (vol * sqrtT);
        double d2 = d1 - vol * sqrtT;
        double sign = type.sign();
        double spotLeg = s * Math.exp(-q * t);
        double strikeLeg = k * Math.exp(-r * t);
        double nd1 = N.cumulativeProbability(sign * d1);
        double nd2 = N.cumulativeProbability(sign * d2);
        double density = N.density(d1);
        out[0] = sign * (spotLeg * nd1 - strikeLeg * nd2);
        out[1] = sign * Math.exp(-q * t) * nd1;
        out[2] = Math.exp(-q * t) * density / (s * vol * sqrtT);
        out[3] = spotLeg * density * sqrtT;
        out[4] = -spotLeg * density * vol / (2 * sqrtT) - sign * r * strikeLeg * nd2 + sign * q * spotLeg * nd1;
        out[5] = sign * k * t * Math.exp(-r * t) * nd2;
        out[6] = -Math.exp(-q * t) * density * d2 / vol;
        out[7] = out[3] * d1 * d2 / vol;
    }
}
