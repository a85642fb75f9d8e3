package io.backstop.vault.risk;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Rounding;
import java.util.Arrays;

/**
 * The vault's option liability in each stress scenario: Σ over live series of open interest × value per contract,
 * kept incrementally (a sale adds its quantity times its series' scenario values) and rebuilt from scratch at each
 * reassessment. Immutable.
 */
public final class StressExposure {

    /** No options outstanding. */
    public static final StressExposure NONE = new StressExposure(new double[StressScenarios.COUNT], 0);

    private final double[] liability;
    // The largest liability, kept as the values are made: every command re-reads the ladder through it.
    private final double worst;

    private StressExposure(double[] liability, double worst) {
        this.liability = liability;
        this.worst = worst;
    }

    /**
     * An exposure restored from its per-scenario liabilities (as {@link #liabilities()} gave them).
     *
     * @throws IllegalArgumentException unless there is one finite, non-negative value per scenario
     */
    public static StressExposure of(double[] liabilities) {
        if (liabilities.length != StressScenarios.COUNT) {
            throw new IllegalArgumentException("a stress exposure has " + StressScenarios.COUNT + " values, not "
                    + liabilities.length);
        }
        double worst = 0;
        for (double l : liabilities) {
            if (!(l >= 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("stress liabilities are non-negative and finite, was " + l);
            }
            worst = Math.max(worst, l);
        }
        return new StressExposure(liabilities.clone(), worst);
    }

    /** The liability in each stress scenario, a copy. */
    public double[] liabilities() {
        return liability.clone();
    }

    /** The exposure plus (or minus, for negative contracts) contracts of a series with these scenario values. */
    public StressExposure plus(double[] valuesPerContract, double contracts) {
        double[] next = new double[liability.length];
        double worst = 0;
        for (int i = 0; i < next.length; i++) {
            double l = Math.max(Math.fma(contracts, valuesPerContract[i], liability[i]), 0);
            next[i] = l;
            // A plain comparison, not Math.max: the values are finite and non-negative, and Math.max's care for
            // NaN and −0 made this a chain of ten slow steps on every trade.
            if (l > worst) {
                worst = l;
            }
        }
        return new StressExposure(next, worst);
    }

    /**
     * The worst loss beyond LP capital over the grid: max over scenarios of (liability − LP capital), at least 0,
     * rounded up (a larger stress loss is the cautious side).
     */
    public Amount lossBeyond(Amount lpCapital) {
        double loss = worst - lpCapital.toDouble();
        return loss > 0 ? Amount.of(loss, Rounding.UP) : Amount.ZERO;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StressExposure that && Arrays.equals(liability, that.liability);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(liability);
    }
}
