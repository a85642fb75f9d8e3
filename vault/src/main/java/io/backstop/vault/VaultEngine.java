package io.backstop.vault;

import io.backstop.pricing.surface.VolatilitySurface;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.Bid;
import io.backstop.vault.quote.BidBreakdown;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.quote.QuoteBreakdown;
import io.backstop.vault.quote.SeriesMark;
import io.backstop.vault.settlement.SettlementReport;
import io.backstop.vault.oracle.PriceRange;
import io.backstop.vault.risk.RiskReceipt;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.shares.SharePrice;
import io.backstop.vault.shares.Shares;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The vault engine: each method takes the aggregates a command touches, the command's arguments, the market and
 * the clock instant, and returns an {@link Outcome}: the new aggregates with their events and balanced journal
 * entries, or a typed rejection with nothing changed. No I/O, no wall clock, no randomness; the service and the
 * simulator both call it.
 *
 * <p>After every command that moves money the risk ladder is re-read from the vault's stress exposure, so a band
 * change is an event of the command that caused it.
 */
public final class VaultEngine {

    private VaultEngine() {
    }

    /**
     * The result of a deposit.
     *
     * @param vault   the vault after
     * @param account the LP's account after
     * @param shares  shares minted
     * @param price   the share price used
     * @param served  queued withdrawals the deposit's liquidity paid, first in first out (often none)
     */
    public record DepositResult(VaultState vault, LpAccount account, Shares shares, SharePrice price,
            List<ServedWithdrawal> served) {
    }

    /** An LP deposits an amount and receives shares at NAV (liability rounded down: fewer shares minted). */
    public static Outcome<DepositResult> deposit(VaultState vault, LpAccount account, Amount amount,
            Valuation valuation, Instant now) {
        return inRange(() -> LiquidityProvision.deposit(vault, account, amount, valuation, now),
                () -> "deposit " + amount + " is out of range: the vault's shares or balances would overflow");
    }

    /** How a withdrawal request ended. */
    public enum WithdrawalStatus { PAID, PARTIAL, QUEUED }

    /**
     * The result of a withdrawal request.
     *
     * @param vault        the vault after
     * @param account      the LP's account after (queued shares leave it)
     * @param status       PAID, PARTIAL or QUEUED
     * @param amount       paid now, after the exit fee
     * @param burned       shares redeemed now
     * @param queuedShares shares put in the queue
     */
    public record WithdrawalResult(VaultState vault, LpAccount account, WithdrawalStatus status, Amount amount,
            Shares burned, Shares queuedShares) {
    }

    /**
     * An LP redeems shares for their value at NAV (liability rounded up, value rounded down), less the exit fee,
     * paid from free liquidity; what free liquidity cannot pay is queued. While the queue is not empty a withdrawal
     * is queued whole behind it (first in, first out), whatever free liquidity a deposit has brought meanwhile.
     */
    public static Outcome<WithdrawalResult> withdraw(VaultState vault, LpAccount account, Shares shares,
            Valuation valuation, Instant now) {
        return LiquidityProvision.withdraw(vault, account, shares, valuation, now);
    }

    /**
     * A withdrawal served from the queue.
     *
     * @param owner  the LP
     * @param shares shares redeemed
     * @param amount paid
     */
    public record ServedWithdrawal(String owner, Shares shares, Amount amount) {
    }

    /**
     * The result of serving the queue.
     *
     * @param vault  the vault after
     * @param served what was paid, in queue order
     */
    public record QueueResult(VaultState vault, List<ServedWithdrawal> served) {
    }

    /**
     * The result of cancelling an LP's queued withdrawals.
     *
     * @param vault     the vault after, the LP's entries gone from its queue
     * @param account   the LP's account after, the shares back in it
     * @param cancelled the shares that were queued
     */
    public record CancellationResult(VaultState vault, LpAccount account, Shares cancelled) {
    }

    /**
     * An LP takes back whatever is still queued of their withdrawals (every entry of theirs; what was paid stays
     * paid): the shares return to their account, unredeemed, and the others in the queue keep their order;
     * {@code nothing-queued} if they have nothing in it.
     */
    public static Outcome<CancellationResult> cancelQueuedWithdrawals(VaultState vault, LpAccount account,
            Instant now) {
        return LiquidityProvision.cancelQueued(vault, account, now);
    }

    /**
     * The result of a quote request.
     *
     * @param vault the vault after (its id sequence advanced)
     * @param quote the quote
     */
    public record QuoteResult(VaultState vault, Quote quote) {
    }

    /**
     * Prices a quantity of a series for sale to a trader, if the sale would pass every policy now. Only that trader
     * can take the quote.
     */
    public static Outcome<QuoteResult> quote(VaultState vault, OptionSeries series, Quantity quantity, String trader,
            MarketSnapshot market, Instant now) {
        long number = vault.sequence() + 1;
        return inRange(() -> OptionSale.quote(vault, series, quantity, trader, market, now, number)
                .map(quote -> new QuoteResult(vault.withSequence(number), quote)),
                () -> "quantity " + quantity + " is out of range: its premium or collateral would overflow");
    }

    /**
     * The same quote, numbered by the caller and leaving the vault as it is: for a service that quotes without
     * serialising on the vault (a quote moves no money, and {@link #buy} checks every policy again when it is
     * taken). The result's vault is {@code vault} unchanged.
     *
     * @param number the quote's number, unique within the vault (the quote's id is {@code <vault>-q<number>}),
     *               for instance from a database sequence started above every sequence number the vault has used
     */
    public static Outcome<QuoteResult> quote(VaultState vault, OptionSeries series, Quantity quantity, String trader,
            MarketSnapshot market, Instant now, long number) {
        return inRange(() -> OptionSale.quote(vault, series, quantity, trader, market, now, number)
                .map(quote -> new QuoteResult(vault, quote)),
                () -> "quantity " + quantity + " is out of range: its premium or collateral would overflow");
    }

    /**
     * The result of a trade.
     *
     * @param vault    the vault after
     * @param series   the series' book after (opened on first trade)
     * @param position the buyer's new position
     * @param quote    the quote bought on, now taken; null for a {@linkplain #buyAtMarket market order} and when a
     *                 position was taken over with {@link #assume}
     * @param sale     the premium the buyer paid, itemised; null when a position was taken over
     */
    public record TradeResult(VaultState vault, SeriesBook series, Position position, Quote quote,
            QuoteBreakdown sale) {
    }

    /**
     * Takes a quote: the trader pays the premium (LP income to LP free capital, the buffer's share to the buffer,
     * the rest of the fees to the treasury) and the pool locks the collateral. Only the trader the quote was issued
     * to can take it, once; every sale policy is checked again.
     *
     * @param book the series' book, or null if the series has never traded
     */
    public static Outcome<TradeResult> buy(VaultState vault, SeriesBook book, Quote quote, Amount maxPremium,
            String buyer, MarketSnapshot market, Instant now) {
        return OptionSale.buy(vault, book, quote, maxPremium, buyer, market, now);
    }

    /**
     * A market order: the trader buys a quantity of a series at the premium a {@link #quote} would give now, if it
     * is at most {@code maxPremium} (null: any premium), without holding a quote first. The same premium schedule
     * and sale policies as a quote taken at once, refused for the same reasons in the same order; nothing can move
     * between the two, so the policies are checked once.
     *
     * @param book the series' book, or null if the series has never traded
     */
    public static Outcome<TradeResult> buyAtMarket(VaultState vault, SeriesBook book, OptionSeries series,
            Quantity quantity, Amount maxPremium, String buyer, MarketSnapshot market, Instant now) {
        return buyAtMark(vault, book, SeriesMark.of(series, market, vault.parameters(), now), quantity, maxPremium,
                buyer);
    }

    /** A market order priced on a mark: {@link MarkedBook#buy}, which callers that mark a whole book use. */
    static Outcome<TradeResult> buyAtMark(VaultState vault, SeriesBook book, SeriesMark mark, Quantity quantity,
            Amount maxPremium, String buyer) {
        return inRange(() -> OptionSale.buyAtMarket(vault, book, mark, quantity, maxPremium, buyer),
                () -> "quantity " + quantity + " is out of range: its premium or collateral would overflow");
    }

    /**
     * The pool takes over a short position written before, e.g. a book moved from another vault or a simulation's
     * opening book: collateral is locked by policy from free liquidity and no premium is booked, since it is
     * already in LP capital. Listing, halt and utilisation rules of new sales do not apply; the series must not
     * have expired.
     */
    public static Outcome<TradeResult> assume(VaultState vault, SeriesBook book, OptionSeries series,
            Quantity quantity, String holder, MarketSnapshot market, Instant now) {
        return inRange(() -> OptionSale.assume(vault, book, series, quantity, holder, market, now),
                () -> "quantity " + quantity + " is out of range: its collateral would overflow");
    }

    /**
     * The pool's bid for a quantity of a holder's position, if it could buy them back now: priced by the published
     * {@link io.backstop.vault.quote.BidSchedule}, numbered by the caller (its id is {@code <vault>-b<number>}),
     * binding for {@code quoteValidity} while the market is where it was. The vault is unchanged.
     *
     * @param book the position's series' book
     */
    public static Outcome<Bid> bid(VaultState vault, SeriesBook book, Position position, Quantity quantity,
            String holder, MarketSnapshot market, Instant now, long number) {
        return inRange(() -> OptionBuyback.bid(vault, book, position, quantity, holder, market, now, number),
                () -> "quantity " + quantity + " is out of range: its value would overflow");
    }

    /**
     * The result of selling contracts back to the pool.
     *
     * @param vault    the vault after (queue served)
     * @param series   the series' book after
     * @param position the holder's position after: fewer contracts, or closed
     * @param tradeId  the buyback's trade id
     * @param quantity contracts bought back
     * @param sale     what the holder was paid, itemised
     * @param bid      the bid taken, or null at market
     * @param served   withdrawals served from the queue with what the buyback freed
     */
    public record BuybackResult(VaultState vault, SeriesBook series, Position position, String tradeId,
            Quantity quantity, BidBreakdown sale, Bid bid, List<ServedWithdrawal> served) {
    }

    /**
     * The holder takes the pool's bid, once, before it expires and while the market is where it was, and while the
     * position still holds its quantity before the trading cutoff: the pool pays the proceeds from LP capital,
     * the fees go to the buffer (its share) and the treasury, and the collateral the contracts no longer need is
     * released to LP capital, which then serves the withdrawal queue.
     *
     * @param minProceeds the least the holder accepts, or null
     * @param others      the valuation of the vault's other unsettled series, for the NAV of queued withdrawals
     */
    public static Outcome<BuybackResult> sellBack(VaultState vault, SeriesBook book, Position position, Bid bid,
            Amount minProceeds, String holder, MarketSnapshot market, Valuation others, Instant now) {
        return OptionBuyback.sellBack(vault, book, position, bid, minProceeds, holder, market, others, now);
    }

    /**
     * Sells contracts back at the pool's bid now, if it pays at least {@code minProceeds} (null: any): refused for
     * what a bid then its taking would be refused for, in that order.
     *
     * @param others the valuation of the vault's other unsettled series, for the NAV of queued withdrawals
     */
    public static Outcome<BuybackResult> sellBackAtMarket(VaultState vault, SeriesBook book, Position position,
            Quantity quantity, Amount minProceeds, String holder, MarketSnapshot market, Valuation others,
            Instant now) {
        return inRange(() -> OptionBuyback.sellBackAtMarket(vault, book, position, quantity, minProceeds, holder,
                market, others, now), () -> "quantity " + quantity + " is out of range: its value would overflow");
    }

    /**
     * The result of settling a series.
     *
     * @param vault     the vault after (queue served)
     * @param series    the series' book after
     * @param positions the positions with their payouts, in the order given
     * @param report    the waterfall's report
     * @param served    withdrawals served from the queue with the released collateral
     */
    public record SettlementResult(VaultState vault, SeriesBook series, List<Position> positions,
            SettlementReport report, List<ServedWithdrawal> served) {
    }

    /**
     * Settles a series at its settlement price, exactly once, through the waterfall, and pays every in-the-money
     * holder out at once (holders with nothing to receive stay settled with a zero payout): one journal entry for
     * the series' payouts and one {@code PayoutPaid} event per holder; then serves the withdrawal queue from the
     * released collateral.
     *
     * @param positions every position of the series (their quantities must add up to its open interest)
     * @param others    the valuation of the vault's other unsettled series, for the NAV of queued withdrawals
     */
    public static Outcome<SettlementResult> settleAndPayOut(VaultState vault, SeriesBook book,
            List<Position> positions, Amount settlementPrice, Valuation others, Instant now) {
        return ExpirySettlement.settleAndPayOut(vault, book, positions, settlementPrice, others, now);
    }

    /**
     * The risk receipt of a quote: the fund's stress loss, coverage and band now and after the quote's trade, were
     * its trader to take it on this vault at this market ({@code book} is its series' book, null if none yet). If
     * the trade would be refused now, after is before.
     */
    public static RiskReceipt riskReceipt(VaultState vault, SeriesBook book, Quote quote, MarketSnapshot market,
            Instant now) {
        Outcome<TradeResult> bought = OptionSale.buy(vault, book, quote, null, quote.owner(), market, now);
        return RiskReceipt.between(vault, bought.isAccepted() ? bought.result().vault() : vault);
    }

    /**
     * The way out for a series the oracle cannot price (too few prices in its settlement window, and too late for
     * the oracle to fill it): from {@code forcedSettlementGrace} after expiry an operator settles it at a price of
     * their own within {@code accepted}, the range of the oracle's accepted prices from the last one before expiry
     * to the first one after, with a reason. It settles and pays out as {@link #settleAndPayOut} does, after a
     * {@code SeriesForceSettled} event; {@code forced-settlement-too-early} within the grace period,
     * {@code invalid-settlement} outside the range or with no accepted price to bound by.
     */
    public static Outcome<SettlementResult> forceSettle(VaultState vault, SeriesBook book, List<Position> positions,
            Amount price, PriceRange accepted, String actor, String reason, Valuation others, Instant now) {
        return ExpirySettlement.forceSettle(vault, book, positions, price, accepted, actor, reason, others, now);
    }

    /**
     * Governance: a new, empty vault on an underlying and a quote currency, with the engine's defaults changed by
     * {@code parameters} (key → text, each within its hard bounds); refused with {@code invalid-vault} for an id or a
     * symbol the rules do not allow, {@code parameter-out-of-bounds} for a parameter.
     */
    public static Outcome<VaultState> open(String id, String underlying, String quoteCurrency,
            Map<String, String> parameters, String actor, Instant now) {
        return ProtocolControls.open(id, underlying, quoteCurrency, parameters, actor, now);
    }

    /**
     * Governance, not applied: the parameter version {@code changes} would make, each value within its hard bounds,
     * or {@code parameter-out-of-bounds}. The what-if preview simulates it beside the current one.
     */
    public static Outcome<VaultParameters> proposeParameters(VaultState vault, Map<String, String> changes) {
        return ProtocolControls.proposeParameters(vault, changes);
    }

    /** The protocol team adds new money to the insurance buffer. */
    public static Outcome<VaultState> topUpBuffer(VaultState vault, Amount amount, String actor, Instant now) {
        return inRange(() -> ProtocolControls.topUpBuffer(vault, amount, actor, now),
                () -> "top-up " + amount + " is out of range: the balances would overflow");
    }

    /**
     * Governance: a new parameter version from changes (key → text) and optionally a new surface, each within
     * its hard bounds; it applies to later commands only.
     */
    public static Outcome<VaultState> changeParameters(VaultState vault, String actor, String reason,
            Map<String, String> changes, VolatilitySurface surface, Instant now) {
        return ProtocolControls.changeParameters(vault, actor, reason, changes, surface, now);
    }

    /**
     * The result of a risk reassessment.
     *
     * @param vault  the vault after
     * @param series the live series with fresh stress values, in the order given
     */
    public record RiskResult(VaultState vault, List<SeriesBook> series) {
    }

    /**
     * Re-prices every live series on the stress grid at the current market and clock, rebuilds the exposure from
     * scratch and moves the ladder. {@code simulatedStressLoss} is the simulator's loss beyond LP capital, or null to
     * keep the last one. Live series in {@link OptionSeries#BOOK_ORDER} let a strike's call and put share
     * their pricing; the values do not depend on it.
     */
    public static Outcome<RiskResult> reassessRisk(VaultState vault, List<SeriesBook> live, MarketSnapshot market,
            Amount simulatedStressLoss, Instant now) {
        return ProtocolControls.reassessRisk(vault, live, market, simulatedStressLoss, now);
    }

    /**
     * Runs a command whose user-given amount could push shares or balances past the range of a long: the exact
     * arithmetic throws, and that becomes a typed {@code invalid-amount} rejection with nothing changed.
     */
    private static <T> Outcome<T> inRange(Supplier<Outcome<T>> command, Supplier<String> detail) {
        try {
            return command.get();
        } catch (ArithmeticException e) {
            return Outcome.rejected(RejectionCode.INVALID_AMOUNT, detail.get());
        }
    }
}
