package io.backstop.vault.simulation;

/**
 * What one path leaves behind for the report: the per-path figures quantiles and probabilities are computed from.
 * Amounts are in currency.
 *
 * @param path                 the path's index
 * @param finalSpot            spot at the horizon
 * @param lpReturn             NAV per share at the horizon / at the start − 1
 * @param maxDrawdown          largest fall of NAV per share from a running peak, as a fraction
 * @param lossBeyondLp         claims the LP layers could not pay: drawn from the buffer plus socialised
 * @param socialisedLoss       claims left unpaid
 * @param requiredBuffer       the smallest starting buffer with which this path socialises nothing, flows held
 * @param payoutRatio          paid / claims over the settlements that socialised a loss; 1 if none did
 * @param bufferExhausted      whether a call on the buffer left it empty
 * @param endBuffer            the buffer at the horizon
 * @param tradesAccepted       trades the engine accepted
 * @param tradesRejected       quotes or buys the engine rejected
 * @param deposits             LP deposits accepted
 * @param withdrawals          LP withdrawal requests accepted (paid, partly paid or queued)
 * @param meanLiveSeries       live series averaged over the steps
 * @param bufferByDay          the buffer at each reporting day, see {@link SimulationReport#bufferDays}
 * @param tradesRejectedBy     the rejected trades by the engine's reason, indexed by
 *                             {@link io.backstop.vault.RejectionCode#ordinal()}
 */
public record PathSummary(int path, double finalSpot, double lpReturn, double maxDrawdown, double lossBeyondLp,
        double socialisedLoss, double requiredBuffer, double payoutRatio, boolean bufferExhausted, double endBuffer,
        int tradesAccepted, int tradesRejected, int deposits, int withdrawals, double meanLiveSeries,
        double[] bufferByDay, int[] tradesRejectedBy) {

    /** Whether the buffer was called on. */
    public boolean bufferDrawn() {
        return lossBeyondLp > 0;
    }

    /** Whether a loss was socialised. */
    public boolean socialised() {
        return socialisedLoss > 0;
    }
}
