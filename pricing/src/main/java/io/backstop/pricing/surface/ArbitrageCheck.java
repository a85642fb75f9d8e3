package io.backstop.pricing.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Map;

/**
 * Static-arbitrage checks of SVI smiles on a grid of log-moneyness: butterfly (Durrleman's g ≥ 0 at every grid
 * point of every smile) and calendar (total variance non-decreasing in expiry at every grid point).
 *
 * <p>The grid spans k ∈ [−{@value #RANGE}, {@value #RANGE}] (strikes from 5% to 20 times the forward) in
 * {@value #POINTS} points, wide enough to see the wings where SVI's arbitrage usually hides.
 */
public final class ArbitrageCheck {

    static final double RANGE = 3;
    static final int POINTS = 601;
    /** Tolerance for round-off in comparing variances that are equal in exact arithmetic. */
    private static final double VARIANCE_TOLERANCE = 1e-14;

    private ArbitrageCheck() {
    }

    /**
     * Every arbitrage found, in expiry then moneyness order; empty for an arbitrage-free set of smiles.
     *
     * @param smiles the smiles by expiry in years
     * @return the violations, at most one per kind and expiry (the worst)
     */
    public static List<ArbitrageViolation> violations(NavigableMap<Double, SviSmile> smiles) {
        List<ArbitrageViolation> found = new ArrayList<>();
        Map.Entry<Double, SviSmile> previous = null;
        for (Map.Entry<Double, SviSmile> entry : smiles.entrySet()) {
            butterfly(entry.getKey(), entry.getValue(), found);
            if (previous != null) {
                calendar(previous.getValue(), entry.getKey(), entry.getValue(), found);
            }
            previous = entry;
        }
        return found;
    }

    private static void butterfly(double expiry, SviSmile smile, List<ArbitrageViolation> found) {
        double worstK = 0;
        double worstG = 0;
        for (int i = 0; i < POINTS; i++) {
            double k = gridPoint(i);
            double g = smile.durrleman(k);
            if (g < worstG || Double.isNaN(g)) {
                worstG = g;
                worstK = k;
            }
        }
        if (worstG < 0 || Double.isNaN(worstG)) {
            found.add(new ArbitrageViolation(ArbitrageViolation.Kind.BUTTERFLY, expiry, worstK, worstG));
        }
    }

    private static void calendar(SviSmile earlier, double expiry, SviSmile later, List<ArbitrageViolation> found) {
        double worstK = 0;
        double worstDrop = 0;
        for (int i = 0; i < POINTS; i++) {
            double k = gridPoint(i);
            double before = earlier.totalVariance(k);
            double drop = before - later.totalVariance(k);
            if (drop > VARIANCE_TOLERANCE * Math.max(1, before) && drop > worstDrop) {
                worstDrop = drop;
                worstK = k;
            }
        }
        if (worstDrop > 0) {
            found.add(new ArbitrageViolation(ArbitrageViolation.Kind.CALENDAR, expiry, worstK, worstDrop));
        }
    }

    private static double gridPoint(int i) {
        return -RANGE + 2 * RANGE * i / (POINTS - 1);
    }
}
