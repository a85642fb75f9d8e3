package io.backstop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.shares.SharePrice;
import io.backstop.vault.shares.Shares;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Liquidity provision: shares minted and burned at NAV with the rounding in the pool's favour, the first-depositor
 * attack, the withdrawal queue served first in, first out (by settlements and by deposits), and LP rejections.
 */
class LiquidityProvisionTest {

    private static final Amount USD_10K = Amount.parse("10000");

    @Test
    void deposit_firstDepositMintsOneSharePerUnitOfCurrency() {
        VaultWorld w = new VaultWorld();
        var r = w.deposit("alice", USD_10K).result();
        assertThat(r.shares()).isEqualTo(Shares.parse("10000"));
        assertThat(w.vault.balances().cash()).isEqualTo(USD_10K);
        assertThat(w.vault.balances().lpFree()).isEqualTo(USD_10K);
    }

    @Test
    void inflationAttack_costsTheAttackerAndNotTheVictim() {
        VaultWorld w = new VaultWorld();
        // The attacker is the first depositor with one minor unit.
        w.deposit("attacker", Amount.ofUnits(1));
        // Inflating the share price needs premium flowing to the LPs, but a sale needs free liquidity as collateral.
        OptionSeries put = w.series(OptionType.PUT, 2000, 7);
        assertThat(w.trade(put, Quantity.parse("0.000001"), "attacker").rejection().code())
                .isEqualTo(RejectionCode.INSUFFICIENT_LIQUIDITY);
        // Backed by its own capital, the attacker buys as much as the cap allows from the pool it owns.
        w.deposit("attacker", Amount.parse("5000"));
        Amount attackerIn = Amount.parse("5000").plus(Amount.ofUnits(1));
        var trade = w.trade(put, Quantity.parse("2"), "attacker").result();
        attackerIn = attackerIn.plus(trade.position().premium());
        // The victim deposits 1,000,000 units (1 USD) and loses less than one unit to rounding.
        var victim = w.deposit("victim", Amount.parse("1")).result();
        // At the price it was minted at, exactly: shares × (NAV + 1)/(S + 10^δ) > 1 USD − 1 unit.
        Amount nav = victim.price().nav();
        BigInteger worth = BigInteger.valueOf(victim.shares().units()).multiply(BigInteger.valueOf(nav.units() + 1));
        BigInteger lessOneUnit = BigInteger.valueOf(Amount.parse("1").units() - 1)
                .multiply(BigInteger.valueOf(victim.price().supply().units() + 1000));
        assertThat(worth).isGreaterThan(lessOneUnit);
        // The attacker's shares plus its option, at the same marks, are worth no more than it paid in.
        Shares attackerShares = w.accounts.get("attacker").shares();
        Amount sharesWorth = new SharePrice(w.valuation().nav(w.vault, Rounding.UP), w.vault.totalShares())
                .valueOf(attackerShares);
        Amount optionWorth = Amount.of(w.valuation().liability(), Rounding.DOWN);
        assertThat(sharesWorth.plus(optionWorth)).isLessThanOrEqualTo(attackerIn);
    }

    @Test
    void withdrawal_queuesWhatFreeLiquidityCannotPayAndServesItAtSettlement() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries put = w.series(OptionType.PUT, 2000, 3);
        w.trade(put, Quantity.parse("3.9"), "bob").result(); // locks 7800 of 10000
        Shares all = w.accounts.get("alice").shares();
        var withdrawal = w.withdraw("alice", all).result();
        assertThat(withdrawal.status()).isEqualTo(VaultEngine.WithdrawalStatus.PARTIAL);
        assertThat(w.vault.balances().lpFree().units()).isLessThanOrEqualTo(1);
        assertThat(w.vault.withdrawalQueue()).hasSize(1);
        Shares queued = withdrawal.queuedShares();
        assertThat(w.vault.withdrawalQueue().get(0).shares()).isEqualTo(queued);
        w.advance(Duration.ofDays(4));
        w.market = MarketSnapshot.at(2100); // the put expires out of the money: all collateral is released
        var settled = w.settle(put.id(), Amount.parse("2100")).result();
        assertThat(settled.served()).hasSize(1);
        assertThat(settled.served().get(0).shares()).isEqualTo(queued);
        assertThat(w.vault.withdrawalQueue()).isEmpty();
        assertThat(w.vault.totalShares()).isEqualTo(Shares.ZERO);
        // Everything alice put in plus the LP income came back; the pool kept only fees and dust.
        assertThat(w.vault.balances().lpFree().units()).isLessThanOrEqualTo(1);
        w.checkInvariants();
    }

    @Test
    void withdrawal_neverJumpsTheQueue() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries put = w.series(OptionType.PUT, 2000, 3);
        w.trade(put, Quantity.parse("3.9"), "bob").result();
        w.withdraw("alice", w.accounts.get("alice").shares()).result();
        Shares aliceQueued = w.vault.withdrawalQueue().get(0).shares();
        // Carol's deposit brings free liquidity, which goes to alice at once (part of what she waits for); carol's
        // own withdrawal then waits behind the rest of alice's.
        var deposit = w.deposit("carol", Amount.parse("1000")).result();
        assertThat(deposit.served()).singleElement().satisfies(s -> {
            assertThat(s.owner()).isEqualTo("alice");
            assertThat(s.amount().units()).isBetween(Amount.parse("999.99").units(), Amount.parse("1000").units());
        });
        Shares aliceLeft = aliceQueued.minus(deposit.served().get(0).shares());
        assertThat(w.vault.withdrawalQueue().get(0).shares()).isEqualTo(aliceLeft);
        Shares carol = w.accounts.get("carol").shares();
        var withdrawal = w.withdraw("carol", carol).result();
        assertThat(withdrawal.status()).isEqualTo(VaultEngine.WithdrawalStatus.QUEUED);
        assertThat(withdrawal.amount()).isEqualTo(Amount.ZERO);
        assertThat(withdrawal.queuedShares()).isEqualTo(carol);
        assertThat(w.vault.withdrawalQueue()).extracting(q -> q.owner()).containsExactly("alice", "carol");
        w.advance(Duration.ofDays(4));
        w.market = MarketSnapshot.at(2100);
        var settled = w.settle(put.id(), Amount.parse("2100")).result();
        assertThat(settled.served()).extracting(s -> s.owner()).containsExactly("alice", "carol");
        assertThat(settled.served().get(0).shares()).isEqualTo(aliceLeft);
        assertThat(w.vault.withdrawalQueue()).isEmpty();
        w.checkInvariants();
    }

    @Test
    void aDepositPaysTheQueueAtOnceInsteadOfAtTheNextExpiry() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries put = w.series(OptionType.PUT, 2000, 60);
        w.trade(put, Quantity.parse("3.9"), "bob").result(); // locks 7800 of 10000 until an expiry 60 days away
        var withdrawal = w.withdraw("alice", w.accounts.get("alice").shares()).result();
        assertThat(withdrawal.status()).isEqualTo(VaultEngine.WithdrawalStatus.PARTIAL);
        Shares queued = withdrawal.queuedShares();
        long eventsBefore = w.events.size();

        var deposit = w.deposit("bea", Amount.parse("100000")).result();

        assertThat(deposit.served()).singleElement().satisfies(s -> {
            assertThat(s.owner()).isEqualTo("alice");
            assertThat(s.shares()).isEqualTo(queued);
        });
        assertThat(w.vault.withdrawalQueue()).isEmpty();
        assertThat(w.events.subList((int) eventsBefore, w.events.size())).map(e -> e.getClass().getSimpleName())
                .containsSubsequence("DepositMade", "WithdrawalPaid");
        // And bea, arriving after, is paid at once too: nobody waits any more.
        var beaOut = w.withdraw("bea", Shares.ofUnits(w.accounts.get("bea").shares().units() / 2)).result();
        assertThat(beaOut.status()).isEqualTo(VaultEngine.WithdrawalStatus.PAID);
        w.checkInvariants();
    }

    @Test
    void lpRejections_amountsAndShares() {
        VaultWorld w = new VaultWorld();
        assertThat(w.deposit("alice", Amount.ZERO).rejection().code()).isEqualTo(RejectionCode.INVALID_AMOUNT);
        w.deposit("alice", USD_10K);
        assertThat(w.withdraw("alice", Shares.parse("10000.000000001")).rejection().code())
                .isEqualTo(RejectionCode.INSUFFICIENT_SHARES);
        assertThat(w.withdraw("bob", Shares.parse("1")).rejection().code()).isEqualTo(RejectionCode.INSUFFICIENT_SHARES);
        assertThat(w.withdraw("alice", Shares.ZERO).rejection().code()).isEqualTo(RejectionCode.INVALID_AMOUNT);
        assertThat(VaultEngine.topUpBuffer(w.vault, Amount.ZERO, "ops", w.now).rejection().code())
                .isEqualTo(RejectionCode.INVALID_AMOUNT);
        // Ten billion USD would mint 10¹⁹ share units, past a long: refused, not an ArithmeticException.
        var tooLarge = w.deposit("alice", Amount.parse("10000000000"));
        assertThat(tooLarge.rejection()).isEqualTo(new Rejection(RejectionCode.INVALID_AMOUNT,
                "deposit 10000000000 is out of range: the vault's shares or balances would overflow"));
        assertThat(VaultEngine.quote(w.vault, w.series(OptionType.CALL, 2000, 7), Quantity.ofUnits(1L << 60),
                "trader", w.market, w.now).rejection().code()).isEqualTo(RejectionCode.INVALID_AMOUNT);
    }
}
