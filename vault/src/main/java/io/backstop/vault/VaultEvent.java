package io.backstop.vault;

import io.backstop.vault.buffer.InsuranceBuffer;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.risk.RiskLevel;
import io.backstop.vault.shares.Shares;
import java.time.Instant;
import java.util.Map;

/** Something that happened to a vault, with the vault id, the instant and the amounts. */
public sealed interface VaultEvent {

    /** The vault it happened to. */
    String vault();

    /** When. */
    Instant at();

    /**
     * The event as the public may see it: the same amounts and ids, without who (an LP's or a trader's subject, an
     * operator's name). The fund's public record shows what happened to the pool, never whose money it was.
     */
    default VaultEvent withoutIdentities() {
        return this;
    }

    /** The protocol team opened a vault. */
    record VaultOpened(String vault, Instant at, String underlying, String quoteCurrency, long parametersVersion,
            String actor) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new VaultOpened(vault, at, underlying, quoteCurrency, parametersVersion, null);
        }
    }

    /** An LP deposited and received shares. */
    record DepositMade(String vault, Instant at, String owner, Amount amount, Shares shares) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new DepositMade(vault, at, null, amount, shares);
        }
    }

    /** An LP was paid for shares (all or part of a request, or from the queue). */
    record WithdrawalPaid(String vault, Instant at, String owner, Shares shares, Amount amount, Amount exitFee)
            implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new WithdrawalPaid(vault, at, null, shares, amount, exitFee);
        }
    }

    /** Shares went into the withdrawal queue because free liquidity was short. */
    record WithdrawalQueued(String vault, Instant at, String owner, Shares shares) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new WithdrawalQueued(vault, at, null, shares);
        }
    }

    /** An LP took back the shares still queued for withdrawal; they are the LP's again, unredeemed. */
    record WithdrawalCancelled(String vault, Instant at, String owner, Shares shares) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new WithdrawalCancelled(vault, at, null, shares);
        }
    }

    /** A quote was issued. */
    record QuoteIssued(String vault, Instant at, String quoteId, String series, Quantity quantity, Amount premium,
            Instant validUntil) implements VaultEvent {
    }

    /** The pool sold options and locked collateral. */
    record OptionSold(String vault, Instant at, String tradeId, String owner, String series, Quantity quantity,
            Amount premium, Amount collateral) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new OptionSold(vault, at, tradeId, null, series, quantity, premium, collateral);
        }
    }

    /** The pool offered to buy back part of a holder's position. */
    record BidIssued(String vault, Instant at, String bidId, String position, String series, Quantity quantity,
            Amount proceeds, Instant validUntil) implements VaultEvent {
    }

    /**
     * A holder sold contracts back to the pool before expiry: the pool paid the proceeds out of LP capital, the
     * fees went to the buffer and the treasury, and the collateral the contracts no longer need was released.
     */
    record OptionBoughtBack(String vault, Instant at, String tradeId, String owner, String position, String series,
            Quantity quantity, Amount proceeds, Amount fees, Amount released) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new OptionBoughtBack(vault, at, tradeId, null, position, series, quantity, proceeds, fees,
                    released);
        }
    }

    /**
     * The pool took over a short position written before (a book moved from another vault, or a simulation's
     * opening book): collateral locked, no premium booked, since it was received when the position was written.
     */
    record PositionAssumed(String vault, Instant at, String tradeId, String owner, String series, Quantity quantity,
            Amount collateral) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new PositionAssumed(vault, at, tradeId, null, series, quantity, collateral);
        }
    }

    /** A series settled; {@code socialisedLoss} is zero unless every layer was exhausted. */
    record SeriesSettled(String vault, Instant at, String series, Amount settlementPrice, Amount claims,
            Amount paid, Amount fromLocked, Amount fromLpCapital, Amount fromBuffer, Amount socialisedLoss,
            double payoutRatio) implements VaultEvent {
    }

    /**
     * An operator settled a series the oracle could not price, at a price of their own within the range of the
     * prices the oracle accepted around expiry, with a reason; {@code SeriesSettled} follows as for any settlement.
     */
    record SeriesForceSettled(String vault, Instant at, String series, Amount settlementPrice, Amount lowest,
            Amount highest, String reason, String actor) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new SeriesForceSettled(vault, at, series, settlementPrice, lowest, highest, reason, null);
        }
    }

    /** An expired series cannot settle yet (e.g. too few oracle prices in its window); it will be retried. */
    record SettlementPending(String vault, Instant at, String series, String reason) implements VaultEvent {
    }

    /** Money went into the insurance buffer. */
    record BufferFunded(String vault, Instant at, Amount amount, String source) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            boolean topUp = source.startsWith(InsuranceBuffer.TOP_UP);
            return topUp ? new BufferFunded(vault, at, amount, InsuranceBuffer.TOP_UP) : this;
        }
    }

    /** The waterfall drew on the insurance buffer. */
    record BufferDrawn(String vault, Instant at, String series, Amount amount) implements VaultEvent {
    }

    /** Claims of a series went partly unpaid: every holder received the same fraction. */
    record LossSocialised(String vault, Instant at, String series, Amount amount, double payoutRatio)
            implements VaultEvent {
    }

    /** The de-risking ladder moved to another band. */
    record RiskLevelChanged(String vault, Instant at, RiskLevel from, RiskLevel to, double coverage,
            Amount stressLoss) implements VaultEvent {
    }

    /** Governance changed parameters. */
    record ParametersChanged(String vault, Instant at, String actor, String reason, long version,
            Map<String, String> changes) implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new ParametersChanged(vault, at, null, reason, version, changes);
        }
    }

    /** A settled payout was paid out to its holder. */
    record PayoutPaid(String vault, Instant at, String positionId, String owner, Amount amount)
            implements VaultEvent {
        @Override
        public VaultEvent withoutIdentities() {
            return new PayoutPaid(vault, at, positionId, null, amount);
        }
    }
}
