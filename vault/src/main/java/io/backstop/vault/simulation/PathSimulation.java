package io.backstop.vault.simulation;

import static io.backstop.vault.simulation.ExpiryCalendar.SECONDS_PER_DAY;

import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import java.time.Instant;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.KempSmallMeanPoissonSampler;

/**
 * Runs one path: the market path first, then step by step expiry settlement, risk reassessment, LP flows and trader
 * flow through the vault engine, recording NAV per share and the buffer.
 *
 * <p>Each kind of randomness has its own stream and every draw is made whatever the vault does with it (a rejected
 * trade still consumed its draws; the panic rule's withdrawal count takes one uniform whatever its rate), so two
 * vault set-ups run on the same path see the same market, the same traders and the same LP decisions.
 */
final class PathSimulation {

    private final Scenario scenario;
    private final int[] reportingDays;

    PathSimulation(Scenario scenario) {
        this.scenario = scenario;
        this.reportingDays = SimulationReport.bufferDays(scenario.horizonDays());
    }

    /**
     * Path {@code path} of the scenario, for the given vault set-up.
     *
     * @param catalogue the series of the thread's earlier paths, which this one adds to
     */
    PathSummary run(int path, VaultSetup setup, SeriesCatalogue catalogue) {
        catalogue.startPath();
        PathStreams streams = new PathStreams(scenario.seed(), path);
        int steps = scenario.steps();
        double dt = scenario.dt();
        double[] spots = new double[steps + 1];
        double[] shifts = new double[steps + 1];
        scenario.market().fill(spots, dt, streams.market, streams.normal);
        scenario.impliedVol().shifts(spots, dt, shifts);

        Instant start = scenario.start();
        MarketSnapshot market = new MarketSnapshot(spots[0], shifts[0]);
        SimulatedVault vault = SimulatedVault.open(setup, scenario.book(), market, start, catalogue);
        vault.reassessRisk(market, start);
        vault.revalue(market, start);
        TraderFlow traders = scenario.traders();
        LpFlow lps = scenario.lps();
        DiscreteSampler arrivals = sampler(streams.traders, traders.arrivalsPerDay());
        DiscreteSampler depositCount = sampler(streams.lps, lps.depositsPerDay());
        int stepsPerDay = scenario.stepsPerDay();
        long stepSeconds = SECONDS_PER_DAY / stepsPerDay;
        VaultParameters parameters = setup.parameters();

        double startPrice = vault.navPerShare();
        double peak = startPrice;
        double price = startPrice;
        double maxDrawdown = 0;
        boolean abandoned = false;
        long abandonedBelow = vault.state().totalShares().units() / 100;
        double liveSeriesSum = 0;
        double[] bufferByDay = new double[reportingDays.length];
        bufferByDay[0] = vault.state().balances().buffer().toDouble();
        int nextReport = 1;
        Instant[] weeklies = null;
        Instant[] monthlies = null;
        long listedOn = Long.MIN_VALUE;

        for (int step = 1; step <= steps; step++) {
            // Whole seconds per step, plus the remainder on the day's last step, so every day ends on 08:00.
            int day = (step - 1) / stepsPerDay;
            int ofDay = step - day * stepsPerDay;
            Instant now = start.plusSeconds(day * SECONDS_PER_DAY + (ofDay == stepsPerDay ? SECONDS_PER_DAY
                    : ofDay * stepSeconds));
            market = new MarketSnapshot(spots[step], shifts[step]);
            vault.revalue(market, now);
            vault.settleExpired(market, now);
            if (ofDay == stepsPerDay && (day + 1) % scenario.riskReassessmentDays() == 0) {
                vault.reassessRisk(market, now);
            }
            if (lps.depositsPerDay() > 0 || lps.withdrawalsPerDay() > 0) {
                lpFlows(vault, lps, depositCount, streams.lps, now, 1 - price / peak);
            }
            if (arrivals != null) {
                long openAfter = now.getEpochSecond() + (long) parameters.tradingCutoff().getSeconds();
                if (openAfter / SECONDS_PER_DAY != listedOn) {
                    listedOn = openAfter / SECONDS_PER_DAY;
                    Instant open = Instant.ofEpochSecond(openAfter);
                    weeklies = ExpiryCalendar.weeklies(open);
                    monthlies = ExpiryCalendar.monthlies(open);
                }
                for (int n = arrivals.sample(); n > 0; n--) {
                    trade(vault, traders, streams.traders, market, now, weeklies, monthlies, parameters);
                }
            }
            // The return is a buy-and-hold LP's. Once the LPs have redeemed all but 1% of the opening supply, the
            // pool was abandoned at the price they left at: NAV per share of the remnant (which captures whatever
            // the book later releases) or of whoever reopens it says nothing about the LPs' outcome.
            abandoned = abandoned || vault.state().totalShares().units() < abandonedBelow;
            if (!abandoned) {
                price = vault.navPerShare();
                peak = Math.max(peak, price);
                maxDrawdown = Math.max(maxDrawdown, 1 - price / peak);
            }
            liveSeriesSum += vault.liveSeries();
            if (ofDay == stepsPerDay && nextReport < reportingDays.length && reportingDays[nextReport] == day + 1) {
                bufferByDay[nextReport++] = vault.state().balances().buffer().toDouble();
            }
        }
        double claims = vault.claimsWhenSocialised();
        return new PathSummary(path, spots[steps], price / startPrice - 1, maxDrawdown,
                vault.bufferDemand() / (double) Amount.ONE, vault.socialised() / (double) Amount.ONE,
                vault.requiredBuffer() / (double) Amount.ONE,
                claims > 0 ? vault.paidWhenSocialised() / claims : 1, vault.bufferExhausted(),
                vault.state().balances().buffer().toDouble(), vault.tradesAccepted, vault.tradesRejected,
                vault.deposits, vault.withdrawals, liveSeriesSum / steps, bufferByDay, vault.tradesRejectedBy.clone());
    }

    /** Poisson counts per step at a daily rate, or null when the rate is zero. */
    private DiscreteSampler sampler(UniformRandomProvider rng, double perDay) {
        return perDay > 0 ? KempSmallMeanPoissonSampler.of(rng, perDay / scenario.stepsPerDay()) : null;
    }

    private void lpFlows(SimulatedVault vault, LpFlow lps, DiscreteSampler depositCount,
            UniformRandomProvider rng, Instant now, double drawdown) {
        int deposits = depositCount == null ? 0 : depositCount.sample();
        // The withdrawal rate depends on the vault's drawdown: one uniform per step, inverted, keeps streams aligned.
        // Kemp's inversion needs e^{-mean} > 0; 500 requests a step is a run on the vault either way.
        double rate = Math.min(lps.withdrawalRate(Math.max(drawdown, 0)) / scenario.stepsPerDay(), 500);
        int withdrawals = rate > 0 ? KempSmallMeanPoissonSampler.of(rng, rate).sample() : 0;
        for (int i = 0; i < deposits; i++) {
            vault.deposit(lps.depositSize(), now);
        }
        for (int i = 0; i < withdrawals; i++) {
            vault.withdraw(lps.withdrawalSize(), now);
        }
    }

    private static void trade(SimulatedVault vault, TraderFlow flow, UniformRandomProvider rng, MarketSnapshot market,
            Instant now, Instant[] weeklies, Instant[] monthlies, VaultParameters parameters) {
        OptionType type = rng.nextDouble() < flow.callProbability() ? OptionType.CALL : OptionType.PUT;
        double moneyness = flow.moneyness(rng.nextDouble());
        Instant[] expiries = rng.nextDouble() < flow.weeklyProbability() ? weeklies : monthlies;
        Instant expiry = expiries[rng.nextInt(expiries.length)];
        Quantity quantity = flow.quantity(rng.nextDouble());
        long step = parameters.strikeStepUnits();
        long strike = Math.max(Math.round(market.spot() * moneyness * Amount.ONE / step), 1) * step;
        vault.trade(type, strike, expiry, quantity, market, now);
    }
}
