package io.backstop.vault.simulation;

import static io.backstop.vault.simulation.ExpiryCalendar.EXPIRY_SECOND_OF_DAY;
import static io.backstop.vault.simulation.ExpiryCalendar.SECONDS_PER_DAY;

import io.backstop.vault.simulation.market.ImpliedVolDynamics;
import io.backstop.vault.simulation.market.SpotModel;
import java.time.Instant;
import java.util.List;

/**
 * Everything a simulation run needs, validated. Time runs in {@code stepsPerDay} steps per day from {@code start}
 * for {@code horizonDays} days; with the start at 08:00 UTC every day's 08:00 expiry falls on a step.
 *
 * @param seed                            the run's seed; path i's streams derive from (seed, i)
 * @param paths                           number of paths, positive
 * @param horizonDays                     days simulated, positive
 * @param stepsPerDay                     steps per day, positive
 * @param start                           the first instant, at 08:00 UTC
 * @param market                          the spot model
 * @param impliedVol                      how the surface's level moves with realised volatility
 * @param vault                           the vault as it starts
 * @param book                            the short book at the start
 * @param traders                         trader flow
 * @param lps                             LP flow
 * @param riskReassessmentDays            days between full stress-grid reassessments of the live book
 * @param targetSocialisedLossProbability the target for the recommended buffer, in (0, 1)
 * @param alternative                     a second vault set-up to compare on the same paths, or null
 */
public record Scenario(long seed, int paths, int horizonDays, int stepsPerDay, Instant start, SpotModel market,
        ImpliedVolDynamics impliedVol, VaultSetup vault, List<OpeningPosition> book, TraderFlow traders, LpFlow lps,
        int riskReassessmentDays, double targetSocialisedLossProbability, VaultSetup alternative) {

    /** Where time starts unless a scenario says otherwise: a Monday, 08:00 UTC. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T08:00:00Z");

    public Scenario {
        if (paths <= 0 || horizonDays <= 0 || stepsPerDay <= 0 || riskReassessmentDays <= 0) {
            throw new IllegalArgumentException("paths, horizonDays, stepsPerDay and riskReassessmentDays must be positive");
        }
        if ((long) horizonDays * stepsPerDay > 1_000_000) {
            throw new IllegalArgumentException("at most 1,000,000 steps per path");
        }
        if (!(targetSocialisedLossProbability > 0 && targetSocialisedLossProbability < 1)) {
            throw new IllegalArgumentException("targetSocialisedLossProbability must be in (0, 1)");
        }
        if (start.getEpochSecond() % SECONDS_PER_DAY != EXPIRY_SECOND_OF_DAY || start.getNano() != 0) {
            throw new IllegalArgumentException("start must be at 08:00 UTC, was " + start);
        }
        book = List.copyOf(book);
    }

    /** Steps per path. */
    public int steps() {
        return horizonDays * stepsPerDay;
    }

    /** Step length in years, ACT/365. */
    public double dt() {
        return 1.0 / (365.0 * stepsPerDay);
    }

    /** The same scenario with another number of paths. */
    public Scenario withPaths(int newPaths) {
        return new Scenario(seed, newPaths, horizonDays, stepsPerDay, start, market, impliedVol, vault, book, traders,
                lps, riskReassessmentDays, targetSocialisedLossProbability, alternative);
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(newSeed, paths, horizonDays, stepsPerDay, start, market, impliedVol, vault, book, traders,
                lps, riskReassessmentDays, targetSocialisedLossProbability, alternative);
    }

    /** The same scenario with another vault set-up. */
    public Scenario withVault(VaultSetup newVault) {
        return new Scenario(seed, paths, horizonDays, stepsPerDay, start, market, impliedVol, newVault, book, traders,
                lps, riskReassessmentDays, targetSocialisedLossProbability, alternative);
    }
}
