package io.backstop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.Position;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.shares.Shares;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of everything that can happen to a vault (deposits, withdrawals, quotes, buys, stale and
 * over-limit buys, spot and volatility moves, time passing, settlement, buffer top-ups, parameter changes in and out
 * of bounds), with every invariant of {@link VaultWorld#checkInvariants()} checked after every step.
 */
class VaultInvariantsProperties {

    private static final List<String> LPS = List.of("lp-a", "lp-b", "lp-c");
    private static final List<String> TRADERS = List.of("trader-x", "trader-y");

    @Property(tries = 10_000)
    void everyInvariantHoldsAfterEveryStep(@ForAll("vaultLives") ActionChain<VaultWorld> chain) {
        VaultWorld end = chain.withInvariant(VaultWorld::checkInvariants).run();
        boolean sold = end.events.stream().anyMatch(e -> e instanceof VaultEvent.OptionSold);
        boolean settledWithClaims = end.events.stream()
                .anyMatch(e -> e instanceof VaultEvent.SeriesSettled s && s.claims().isPositive());
        boolean drewLp = end.events.stream()
                .anyMatch(e -> e instanceof VaultEvent.SeriesSettled s && s.fromLpCapital().isPositive());
        boolean drewBuffer = end.events.stream().anyMatch(e -> e instanceof VaultEvent.BufferDrawn);
        boolean socialised = end.events.stream().anyMatch(e -> e instanceof VaultEvent.LossSocialised);
        boolean queued = end.events.stream().anyMatch(e -> e instanceof VaultEvent.WithdrawalQueued);
        boolean bandChanged = end.events.stream().anyMatch(e -> e instanceof VaultEvent.RiskLevelChanged);
        boolean cancelled = end.events.stream().anyMatch(e -> e instanceof VaultEvent.WithdrawalCancelled);
        boolean servedByDeposit = end.depositsThatPaidTheQueue > 0;
        boolean forced = end.forcedSettlements > 0;
        boolean soldBack = end.soldBack > 0;
        boolean closed = end.positions.values().stream().flatMap(List::stream).anyMatch(p -> p.isClosed());
        Statistics.label("sold").collect(sold);
        Statistics.label("settled with claims").collect(settledWithClaims);
        Statistics.label("drew LP capital").collect(drewLp);
        Statistics.label("drew buffer").collect(drewBuffer);
        Statistics.label("socialised").collect(socialised);
        Statistics.label("queued withdrawal").collect(queued);
        Statistics.label("risk band changed").collect(bandChanged);
        Statistics.label("cancelled a queued withdrawal").collect(cancelled);
        Statistics.label("a deposit paid the queue").collect(servedByDeposit);
        Statistics.label("forced settlement").collect(forced);
        Statistics.label("sold back").collect(soldBack);
        Statistics.label("closed a position").collect(closed);
        // The sequences must reach the rare layers often enough for the invariants to mean something.
        Statistics.label("sold").coverage(c -> c.check(true).percentage(p -> p > 30));
        Statistics.label("settled with claims").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("drew buffer").coverage(c -> c.check(true).percentage(p -> p > 0.2));
        Statistics.label("socialised").coverage(c -> c.check(true).percentage(p -> p > 0.1));
        Statistics.label("queued withdrawal").coverage(c -> c.check(true).percentage(p -> p > 1));
        Statistics.label("risk band changed").coverage(c -> c.check(true).percentage(p -> p > 1));
        Statistics.label("cancelled a queued withdrawal").coverage(c -> c.check(true).percentage(p -> p > 0.1));
        Statistics.label("a deposit paid the queue").coverage(c -> c.check(true).percentage(p -> p > 0.1));
        Statistics.label("forced settlement").coverage(c -> c.check(true).percentage(p -> p > 1));
        Statistics.label("sold back").coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("closed a position").coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    @net.jqwik.api.Provide
    Arbitrary<ActionChain<VaultWorld>> vaultLives() {
        return ActionChain.startWith(VaultWorld::new)
                .withAction(4, new Deposit())
                .withAction(2, new Withdraw())
                .withAction(1, new CancelQueued())
                .withAction(5, new Trade())
                .withAction(1, new StaleOrGreedyBuy())
                .withAction(1, new SellBack())
                .withAction(1, new StaleOrGreedySale())
                .withAction(2, new MarketMove())
                .withAction(3, new TimePasses())
                .withAction(1, new OracleDownAtExpiry())
                .withAction(1, new TopUp())
                .withAction(1, new ParameterChange())
                .withMaxTransformations(48);
    }

    static final class Deposit implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.of(LPS).flatMap(lp -> Arbitraries.longs().between(-5, 5_000_000_000_000L)
                    .edgeCases(c -> c.add(0L).add(1L)).map(units -> Transformer.mutate("deposit " + lp + " " + units,
                            w -> w.deposit(lp, Amount.ofUnits(units)))));
        }
    }

    static final class Withdraw implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.of(LPS).flatMap(lp -> Arbitraries.doubles().between(0, 1.2).map(fraction ->
                    Transformer.mutate("withdraw " + lp + " " + fraction, w -> {
                        long held = w.accounts.getOrDefault(lp, LpAccount.open(VaultWorld.VAULT, lp)).shares().units();
                        w.withdraw(lp, Shares.ofUnits(Math.max(0, (long) (held * fraction))));
                    })));
        }
    }

    static final class CancelQueued implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.of(LPS).map(lp -> Transformer.mutate("cancel queued " + lp, w -> w.cancelQueued(lp)));
        }
    }

    static final class Trade implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.of(OptionType.values()).flatMap(type -> Arbitraries.integers().between(-12, 12)
                    .flatMap(strikeSteps -> Arbitraries.integers().between(0, 30).flatMap(days -> Arbitraries.longs()
                            .between(-1, 40_000_000L).flatMap(qty -> Arbitraries.of(TRADERS).map(trader ->
                                    Transformer.mutate("trade " + type + " " + strikeSteps + " " + days + " " + qty,
                                            w -> {
                                                long atm = Math.round(w.market.spot() / 50) * 50;
                                                long strike = Math.max(50, atm + 50L * strikeSteps);
                                                w.trade(w.series(type, strike, days), Quantity.ofUnits(qty), trader);
                                            }))))));
        }
    }

    /**
     * Buys that must be refused: over maxPremium, after the quote expired, or after spot moved beyond the quote's
     * tolerance (either way). Nothing may change.
     */
    static final class StaleOrGreedyBuy implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.of("stale", "greedy", "moved up", "moved down").map(kind -> Transformer.mutate(
                    kind + " buy", w -> {
                        long atm = Math.max(50, Math.round(w.market.spot() / 50) * 50);
                        var q = w.quote(w.series(OptionType.CALL, atm, 7), Quantity.ofUnits(1_000_000), "trader-x");
                        if (!q.isAccepted()) {
                            return;
                        }
                        var quote = q.result().quote();
                        RejectionCode expected = switch (kind) {
                            case "stale" -> {
                                w.advance(w.vault.parameters().quoteValidity().plusSeconds(1));
                                yield RejectionCode.STALE_QUOTE;
                            }
                            case "greedy" -> RejectionCode.MAX_PREMIUM_EXCEEDED;
                            default -> {
                                double beyond = 1 + w.vault.parameters().quotePriceTolerance() + 0.001;
                                w.moveMarket(kind.equals("moved up") ? beyond : 1 / beyond, 0);
                                yield RejectionCode.QUOTE_STALE_PRICE;
                            }
                        };
                        VaultState before = w.vault; // after the move, which reassessed the book's risk
                        var o = w.buy(quote, kind.equals("greedy") ? quote.premium().minus(Amount.ofUnits(1)) : null,
                                "trader-x");
                        assertThat(o.rejection().code()).isEqualTo(expected);
                        assertThat(w.vault).isSameAs(before);
                    }));
        }
    }

    /**
     * A holder (or, now and then, someone else) sells back part, all or more than all of an open position, by a bid
     * and at market.
     */
    static final class SellBack implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.doubles().between(0, 1).flatMap(pick -> Arbitraries.of(0.0, 0.3, 1.0, 1.2)
                    .flatMap(fraction -> Arbitraries.of(true, true, true, false).map(own -> Transformer.mutate(
                            "sell back " + pick + " ×" + fraction + (own ? "" : " by another"), w -> {
                                List<Position> open = w.openPositions();
                                if (open.isEmpty()) {
                                    return;
                                }
                                Position p = open.get(Math.min(open.size() - 1, (int) (pick * open.size())));
                                long units = fraction == 1.0 ? p.quantity().units()
                                        : Math.max(0, (long) (p.quantity().units() * fraction));
                                String holder = own ? p.owner() : p.owner() + "-other";
                                VaultState before = w.vault;
                                var o = w.sellBack(p, Quantity.ofUnits(units), holder);
                                if (!o.isAccepted()) {
                                    assertThat(w.vault).isSameAs(before);
                                }
                            }))));
        }
    }

    /**
     * Bids that must not be taken: expired, below the holder's minimum, or after spot moved beyond the tolerance.
     * Nothing may change.
     */
    static final class StaleOrGreedySale implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.of("stale", "greedy", "moved").map(kind -> Transformer.mutate(kind + " sale", w -> {
                List<Position> open = w.openPositions();
                if (open.isEmpty()) {
                    return;
                }
                Position p = open.get(0);
                var book = w.books.get(p.series());
                var bid = VaultEngine.bid(w.vault, book, p, p.quantity(), p.owner(), w.market, w.now, 1);
                if (!bid.isAccepted()) {
                    return;
                }
                RejectionCode expected = switch (kind) {
                    case "stale" -> {
                        w.advance(w.vault.parameters().quoteValidity().plusSeconds(1));
                        yield RejectionCode.STALE_QUOTE;
                    }
                    case "greedy" -> RejectionCode.MIN_PROCEEDS_NOT_MET;
                    default -> {
                        w.moveMarket(1 + w.vault.parameters().quotePriceTolerance() + 0.001, 0);
                        yield RejectionCode.QUOTE_STALE_PRICE;
                    }
                };
                VaultState before = w.vault;
                book = w.books.get(p.series());
                var o = VaultEngine.sellBack(w.vault, book, p, bid.result(), kind.equals("greedy")
                        ? bid.result().proceeds().plus(Amount.ofUnits(1)) : null, p.owner(), w.market,
                        Valuation.NONE, w.now);
                assertThat(o.rejection().code()).as("%s sale", kind).isEqualTo(expected);
                assertThat(w.vault).isSameAs(before);
            }));
        }
    }

    static final class MarketMove implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.doubles().between(0.5, 2.2).flatMap(factor -> Arbitraries.doubles().between(-0.3, 0.8)
                    .map(shift -> Transformer.mutate("market ×" + factor + " vol " + shift,
                            w -> w.moveMarket(factor, shift))));
        }
    }

    static final class TimePasses implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.longs().between(1, 240).map(hours -> Transformer.mutate("advance " + hours + "h", w -> {
                w.advance(Duration.ofHours(hours));
                w.settleExpired();
            }));
        }
    }

    /** The oracle is down over expiries: past the grace period, an operator settles at a price of their own. */
    static final class OracleDownAtExpiry implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.longs().between(1, 240).map(hours -> Transformer.mutate("oracle down " + hours + "h",
                    w -> {
                        w.advance(Duration.ofHours(hours).plus(w.vault.parameters().forcedSettlementGrace()));
                        w.forceSettleExpired();
                    }));
        }
    }

    static final class TopUp implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.longs().between(-1, 100_000_000_000L).map(units -> Transformer.mutate("top-up " + units,
                    w -> {
                        var o = w.record(VaultEngine.topUpBuffer(w.vault, Amount.ofUnits(units), "ops", w.now));
                        if (o.isAccepted()) {
                            w.vault = o.result();
                        } else {
                            assertThat(units).isLessThanOrEqualTo(0);
                        }
                    }));
        }
    }

    static final class ParameterChange implements Action.Independent<VaultWorld> {
        @Override
        public Arbitrary<Transformer<VaultWorld>> transformer() {
            return Arbitraries.of("bufferFeeShare", "maxUtilization", "optionFeeRate", "lpProtectedFraction",
                    "exitFeeRate", "callCollateralFactor").flatMap(key -> Arbitraries.doubles().between(-0.2, 1.3)
                    .map(value -> Transformer.mutate("set " + key + "=" + value, w -> {
                        long version = w.vault.parameters().version();
                        var o = w.record(VaultEngine.changeParameters(w.vault, "ops", "test",
                                Map.of(key, Double.toString(value)), null, w.now));
                        if (o.isAccepted()) {
                            w.vault = o.result();
                            assertThat(w.vault.parameters().version()).isEqualTo(version + 1);
                        } else {
                            assertThat(o.rejection().code()).isEqualTo(RejectionCode.PARAMETER_OUT_OF_BOUNDS);
                            assertThat(w.vault.parameters().version()).isEqualTo(version);
                        }
                    })));
        }
    }
}
