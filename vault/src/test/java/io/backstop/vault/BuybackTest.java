package io.backstop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.ledger.Posting;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.Bid;
import io.backstop.vault.quote.BidBreakdown;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.SeriesMark;
import io.backstop.vault.risk.RiskLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selling to close: the pool's bid, what a buyback books, and what it refuses. */
class BuybackTest {

    private static final Amount USD_10K = Amount.parse("10000");

    @Test
    void sellingHalfBack_paysTheBidFromLpCapitalAndReleasesHalfTheCollateral() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        Position position = w.trade(call, Quantity.parse("2"), "bob").result().position();
        var lockedBefore = w.books.get(call.id()).locked();
        w.advance(Duration.ofDays(1));
        w.moveMarket(1.02, 0);

        Bid bid = VaultEngine.bid(w.vault, w.books.get(call.id()), position, Quantity.parse("1"), "bob", w.market,
                w.now, 77).result();
        // The published bid: value rounded down, spread and fees up, proceeds what is left.
        VaultParameters p = w.vault.parameters();
        double mark = SeriesMark.of(call, w.market, p, w.now).valuePerContract();
        BidBreakdown b = bid.breakdown();
        assertThat(bid.id()).isEqualTo("eth-usd-b77");
        assertThat(b.theoretical()).isEqualTo(Amount.of(mark, Rounding.DOWN));
        assertThat(b.spread()).isEqualTo(b.theoretical().times(p.spreadBase(), Rounding.UP));
        assertThat(b.fees()).isEqualTo(b.theoretical().times(p.optionFeeRate(), Rounding.UP)
                .plus(Amount.of(w.market.spot() * p.spotFeeRate(), Rounding.UP)));
        assertThat(b.proceeds()).isEqualTo(b.theoretical().minus(b.spread()).minus(b.fees()));
        assertThat(bid.validUntil()).isEqualTo(w.now.plus(p.quoteValidity()));

        var before = w.vault;
        var sold = w.sellBack(position, Quantity.parse("1"), "bob");
        VaultEngine.BuybackResult r = sold.result();
        assertThat(r.sale()).isEqualTo(b);
        assertThat(r.tradeId()).isEqualTo("eth-usd-t" + (before.sequence() + 1));
        assertThat(r.position().quantity()).isEqualTo(Quantity.parse("1"));
        assertThat(r.position().premium()).isEqualTo(Amount.ofUnits(position.premium().units() / 2));
        assertThat(r.series().openInterest()).isEqualTo(Quantity.parse("1"));
        Amount released = Amount.ofUnits(lockedBefore.units() / 2);
        assertThat(r.series().locked()).isEqualTo(lockedBefore.minus(released));
        assertThat(sold.journal()).containsExactly(
                JournalEntry.transfer("eth-usd", w.now, "release collateral", Account.locked(call.id()),
                        Account.LP_FREE, released),
                new JournalEntry("eth-usd", w.now, "buyback", List.of(Posting.debit(Account.LP_FREE, b.lpCost()),
                        Posting.credit(Account.CASH, b.proceeds()), Posting.credit(Account.BUFFER,
                                b.bufferContribution()), Posting.credit(Account.TREASURY, b.treasury()))));
        assertThat(r.vault().balances().lpFree()).isEqualTo(before.balances().lpFree().plus(released)
                .minus(b.lpCost()));
        assertThat(r.vault().balances().buffer()).isEqualTo(before.balances().buffer().plus(b.bufferContribution()));
        assertThat(sold.events()).first().isEqualTo(new VaultEvent.OptionBoughtBack("eth-usd", w.now, r.tradeId(),
                "bob", position.id(), call.id(), Quantity.parse("1"), b.proceeds(), b.fees(), released));
        assertThat(sold.events()).anySatisfy(e -> assertThat(e).isInstanceOf(VaultEvent.BufferFunded.class));

        // The rest, then nothing: the position is closed and the series holds nothing locked.
        Position half = w.positions.get(call.id()).get(0);
        w.sellBack(half, Quantity.parse("1"), "bob").result();
        assertThat(w.books.get(call.id()).locked()).isEqualTo(Amount.ZERO);
        assertThat(w.books.get(call.id()).openInterest()).isEqualTo(Quantity.ZERO);
        Position closed = w.positions.get(call.id()).get(0);
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.premium()).isEqualTo(Amount.ZERO);
        assertThat(w.sellBack(closed, Quantity.parse("1"), "bob").rejection()).isEqualTo(new Rejection(
                RejectionCode.EXCEEDS_POSITION, "position " + position.id() + " was sold back whole"));
    }

    @Test
    void everyRefusalIsTypedAndChangesNothing() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        Position position = w.trade(call, Quantity.parse("2"), "bob").result().position();
        var before = w.vault;

        assertThat(w.sellBack(position, Quantity.parse("1"), "carol").rejection()).isEqualTo(new Rejection(
                RejectionCode.NOT_THE_HOLDER, "position '" + position.id() + "' is another trader's"));
        assertThat(w.sellBack(position, Quantity.parse("2.000001"), "bob").rejection()).isEqualTo(new Rejection(
                RejectionCode.EXCEEDS_POSITION, "position " + position.id() + " holds 2 contracts, fewer than "
                        + "2.000001"));
        assertThat(w.sellBack(position, Quantity.ZERO, "bob").rejection().code())
                .isEqualTo(RejectionCode.INVALID_QUANTITY);
        var book = w.books.get(call.id());
        var greedy = VaultEngine.sellBackAtMarket(w.vault, book, position, Quantity.parse("1"), Amount.parse("1000"),
                "bob", w.market, Valuation.NONE, w.now);
        assertThat(greedy.rejection().code()).isEqualTo(RejectionCode.MIN_PROCEEDS_NOT_MET);
        assertThat(greedy.rejection().detail()).endsWith("are below minProceeds 1000");
        Bid bid = VaultEngine.bid(w.vault, book, position, Quantity.parse("1"), "bob", w.market, w.now, 1).result();
        assertThat(VaultEngine.sellBack(w.vault, book, position, bid, null, "carol", w.market, Valuation.NONE, w.now)
                .rejection().code()).isEqualTo(RejectionCode.QUOTE_NOT_YOURS);
        assertThat(VaultEngine.sellBack(w.vault, book, position, bid.asTaken(), null, "bob", w.market,
                Valuation.NONE, w.now).rejection().code()).isEqualTo(RejectionCode.QUOTE_TAKEN);
        assertThat(w.vault).isSameAs(before);

        // An hour before expiry buybacks close with sales: the position settles.
        w.advance(Duration.between(w.now, call.expiry()).minusMinutes(59));
        assertThat(w.sellBack(position, Quantity.parse("1"), "bob").rejection().code())
                .isEqualTo(RejectionCode.AFTER_CUTOFF);
        w.advance(Duration.ofHours(1));
        w.settleExpired();
        Position settled = w.positions.get(call.id()).get(0);
        assertThat(VaultEngine.sellBackAtMarket(w.vault, w.books.get(call.id()), settled, Quantity.parse("1"), null,
                "bob", w.market, Valuation.NONE, w.now).rejection().code()).isEqualTo(RejectionCode.ALREADY_SETTLED);
    }

    @Test
    void aHaltedVaultStillBuysBackAndTheBuybackLiftsTheBand() {
        VaultWorld w = new VaultWorld(VaultParameters.defaults().with(Map.of("callCollateralFactor", "0.2"), null));
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        Position position = w.trade(call, Quantity.parse("15"), "bob").result().position();
        assertThat(w.vault.riskLevel()).isEqualTo(RiskLevel.HALTED);

        var sold = w.sellBack(position, Quantity.parse("15"), "bob");
        assertThat(sold.isAccepted()).isTrue();
        assertThat(w.vault.riskLevel()).isEqualTo(RiskLevel.NORMAL);
        assertThat(sold.events()).anySatisfy(e -> assertThat(e).isInstanceOf(VaultEvent.RiskLevelChanged.class));
    }

    @Test
    void feesAreCappedAtWhatTheOptionsAreWorth() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries put = w.series(OptionType.PUT, 1800, 2);
        Position position = w.trade(put, Quantity.parse("1"), "bob").result().position();
        w.moveMarket(1.6, 0);

        var sold = w.sellBack(position, Quantity.parse("1"), "bob").result();
        // Far out of the money, the spot fee alone exceeds the value: the holder receives nothing, never less.
        assertThat(sold.sale().fees()).isEqualTo(sold.sale().theoretical().minus(sold.sale().spread()));
        assertThat(sold.sale().proceeds()).isEqualTo(Amount.ZERO);
        assertThat(w.books.get(put.id()).locked()).isEqualTo(Amount.ZERO);
    }

    @Test
    void aDepositLessQueueIsServedByWhatABuybackFrees() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries put = w.series(OptionType.PUT, 2000, 7);
        Position position = w.trade(put, Quantity.parse("5"), "bob").result().position();
        var withdrawal = w.withdraw("alice", w.accounts.get("alice").shares());
        assertThat(withdrawal.result().status()).isEqualTo(VaultEngine.WithdrawalStatus.PARTIAL);
        assertThat(w.vault.withdrawalQueue()).hasSize(1);

        var sold = w.sellBack(position, Quantity.parse("5"), "bob").result();
        assertThat(sold.served()).hasSize(1);
        assertThat(sold.served().get(0).owner()).isEqualTo("alice");
        assertThat(w.vault.withdrawalQueue()).isEmpty();
    }
}
