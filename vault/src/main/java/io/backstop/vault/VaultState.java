package io.backstop.vault;

import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.risk.Coverage;
import io.backstop.vault.risk.RiskLevel;
import io.backstop.vault.risk.StressExposure;
import io.backstop.vault.shares.QueuedWithdrawal;
import io.backstop.vault.shares.Shares;
import java.util.List;

/**
 * The vault aggregate: what every command on the vault reads and writes. Series books, LP accounts and positions
 * are separate aggregates, so that a command loads and locks only what it touches.
 *
 * @param id                  the vault id, e.g. "eth-usd"
 * @param underlying          e.g. "ETH"
 * @param quoteCurrency       e.g. "USD"
 * @param parameters          the current parameter version
 * @param balances            the fold of the vault's journal
 * @param totalShares         shares outstanding (in accounts and in the queue)
 * @param riskLevel           the de-risking band
 * @param exposure            option liability per stress scenario
 * @param simulatedStressLoss the simulator's loss beyond LP capital, zero until one is given
 * @param sequence            last number handed out for quote and trade ids
 * @param withdrawalQueue     shares waiting for liquidity, oldest first
 */
public record VaultState(String id, String underlying, String quoteCurrency, VaultParameters parameters,
        Balances balances, Shares totalShares, RiskLevel riskLevel, StressExposure exposure,
        Amount simulatedStressLoss, long sequence, List<QueuedWithdrawal> withdrawalQueue) {

    public VaultState {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("vault id must be " + ID_RULE + "; was \"" + id + "\"");
        }
        if (!isValidAsset(underlying) || !isValidAsset(quoteCurrency)) {
            throw new IllegalArgumentException("a vault's underlying and quote currency must each be " + ASSET_RULE
                    + "; were \"" + underlying + "\" and \"" + quoteCurrency + "\"");
        }
        withdrawalQueue = List.copyOf(withdrawalQueue);
    }

    /** What {@link #isValidId} accepts, in words, for the messages that refuse an id. */
    public static final String ID_RULE = "1-63 lower-case letters, digits and dashes, not starting with a dash";

    /** Whether an id is {@link #ID_RULE}. */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > 63 || id.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** What {@link #isValidAsset} accepts, in words: an underlying's or a currency's symbol, e.g. ETH or USD. */
    public static final String ASSET_RULE = "1-16 upper-case letters and digits, starting with a letter";

    /** Whether a symbol is {@link #ASSET_RULE}. */
    public static boolean isValidAsset(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > 16 || !(symbol.charAt(0) >= 'A'
                && symbol.charAt(0) <= 'Z')) {
            return false;
        }
        for (int i = 1; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** A new, empty vault. */
    public static VaultState open(String id, String underlying, String quoteCurrency, VaultParameters parameters) {
        return new VaultState(id, underlying, quoteCurrency, parameters, Balances.EMPTY, Shares.ZERO,
                RiskLevel.NORMAL, StressExposure.NONE, Amount.ZERO, 0, List.of());
    }

    /** Locked / LP capital (0 when there is no capital). */
    public double utilization() {
        Amount capital = balances.lpCapital();
        return capital.isPositive() ? balances.locked().toDouble() / capital.toDouble() : 0;
    }

    /** The buffer's coverage of the stress loss beyond LP capital. */
    public Coverage coverage() {
        Amount grid = exposure.lossBeyond(balances.lpCapital());
        return new Coverage(Amount.max(grid, simulatedStressLoss), balances.buffer());
    }

    /*
     * Commands derive the state after them with these; copy is the one place a changed state is put together, so a
     * new field is passed on in one place too.
     */

    /** After LP money moved: balances, share supply and the withdrawal queue. */
    VaultState with(Balances newBalances, Shares newTotalShares, List<QueuedWithdrawal> newQueue) {
        return copy(parameters, newBalances, newTotalShares, riskLevel, exposure, simulatedStressLoss, sequence,
                newQueue);
    }

    /** After postings that touch neither shares nor options: a top-up, a payout. */
    VaultState withBalances(Balances newBalances) {
        return with(newBalances, totalShares, withdrawalQueue);
    }

    /** After the book of options changed: a sale (the sequence advanced) or a settlement (the same sequence). */
    VaultState withBook(Balances newBalances, StressExposure newExposure, long newSequence) {
        return copy(parameters, newBalances, totalShares, riskLevel, newExposure, simulatedStressLoss, newSequence,
                withdrawalQueue);
    }

    /** After the ladder read the risk again. */
    VaultState withRisk(RiskLevel level, StressExposure newExposure, Amount newSimulatedLoss) {
        return copy(parameters, balances, totalShares, level, newExposure, newSimulatedLoss, sequence,
                withdrawalQueue);
    }

    /** After governance changed the parameters. */
    VaultState withParameters(VaultParameters newParameters) {
        return copy(newParameters, balances, totalShares, riskLevel, exposure, simulatedStressLoss, sequence,
                withdrawalQueue);
    }

    /** After a quote took the next number. */
    VaultState withSequence(long newSequence) {
        return copy(parameters, balances, totalShares, riskLevel, exposure, simulatedStressLoss, newSequence,
                withdrawalQueue);
    }

    private VaultState copy(VaultParameters newParameters, Balances newBalances, Shares newTotalShares,
            RiskLevel newRiskLevel, StressExposure newExposure, Amount newSimulatedLoss, long newSequence,
            List<QueuedWithdrawal> newQueue) {
        return new VaultState(id, underlying, quoteCurrency, newParameters, newBalances, newTotalShares, newRiskLevel,
                newExposure, newSimulatedLoss, newSequence, newQueue);
    }
}
