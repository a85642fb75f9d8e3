package io.backstop.vault;

import io.backstop.pricing.surface.VolatilitySurface;
import io.backstop.vault.VaultEngine.RiskResult;
import io.backstop.vault.buffer.InsuranceBuffer;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.risk.StressExposure;
import io.backstop.vault.risk.StressScenarios;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the protocol team controls: buffer top-ups, parameter changes within hard bounds, and risk reassessment on
 * the stress grid.
 */
final class ProtocolControls {

    private ProtocolControls() {
    }

    /** See {@link VaultEngine#open}. */
    static Outcome<VaultState> open(String id, String underlying, String quoteCurrency, Map<String, String> parameters,
            String actor, Instant now) {
        if (!VaultState.isValidId(id)) {
            return Outcome.rejected(RejectionCode.INVALID_VAULT, "vault id must be " + VaultState.ID_RULE + "; was \""
                    + id + "\"");
        }
        if (!VaultState.isValidAsset(underlying) || !VaultState.isValidAsset(quoteCurrency)) {
            return Outcome.rejected(RejectionCode.INVALID_VAULT, "a vault's underlying and quote currency must each "
                    + "be " + VaultState.ASSET_RULE + "; were \"" + underlying + "\" and \"" + quoteCurrency + "\"");
        }
        VaultParameters initial;
        try {
            initial = VaultParameters.initial(parameters);
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(RejectionCode.PARAMETER_OUT_OF_BOUNDS, e.getMessage());
        }
        VaultState vault = VaultState.open(id, underlying, quoteCurrency, initial);
        return new Outcome.Accepted<>(vault, List.of(new VaultEvent.VaultOpened(id, now, underlying, quoteCurrency,
                initial.version(), actor)), List.of());
    }

    /** See {@link VaultEngine#proposeParameters}. */
    static Outcome<VaultParameters> proposeParameters(VaultState vault, Map<String, String> changes) {
        try {
            return new Outcome.Accepted<>(vault.parameters().with(changes, null), List.of(), List.of());
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(RejectionCode.PARAMETER_OUT_OF_BOUNDS, e.getMessage());
        }
    }

    /** See {@link VaultEngine#topUpBuffer}. */
    static Outcome<VaultState> topUpBuffer(VaultState vault, Amount amount, String actor, Instant now) {
        if (!amount.isPositive()) {
            return Outcome.rejected(RejectionCode.INVALID_AMOUNT, "top-up must be positive, was " + amount);
        }
        JournalEntry entry = InsuranceBuffer.topUp(vault.id(), amount, now);
        List<VaultEvent> events = new ArrayList<>(2);
        events.add(new VaultEvent.BufferFunded(vault.id(), now, amount, InsuranceBuffer.TOP_UP + " by " + actor));
        VaultState after = RiskLadder.reassess(vault.withBalances(vault.balances().apply(entry)), now, events);
        return new Outcome.Accepted<>(after, events, List.of(entry));
    }

    /** See {@link VaultEngine#changeParameters}. */
    static Outcome<VaultState> changeParameters(VaultState vault, String actor, String reason,
            Map<String, String> changes, VolatilitySurface surface, Instant now) {
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            return Outcome.rejected(RejectionCode.PARAMETER_OUT_OF_BOUNDS, "a parameter change needs an actor and a reason");
        }
        if (changes.isEmpty() && surface == null) {
            return Outcome.rejected(RejectionCode.PARAMETER_OUT_OF_BOUNDS, "the change changes nothing");
        }
        try {
            var next = vault.parameters().with(changes, surface);
            Map<String, String> recorded = new HashMap<>(changes);
            if (surface != null) {
                recorded.put("surface", "replaced");
            }
            List<VaultEvent> events = new ArrayList<>(2);
            events.add(new VaultEvent.ParametersChanged(vault.id(), now, actor, reason, next.version(),
                    Map.copyOf(recorded)));
            VaultState after = RiskLadder.reassess(vault.withParameters(next), now, events);
            return new Outcome.Accepted<>(after, events, List.of());
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(RejectionCode.PARAMETER_OUT_OF_BOUNDS, e.getMessage());
        }
    }

    /** See {@link VaultEngine#reassessRisk}. */
    static Outcome<RiskResult> reassessRisk(VaultState vault, List<SeriesBook> live, MarketSnapshot market,
            Amount simulatedStressLoss, Instant now) {
        StressExposure exposure = StressExposure.NONE;
        List<SeriesBook> refreshed = new ArrayList<>(live.size());
        StressScenarios.Repricing grid = new StressScenarios.Repricing(market, vault.parameters(), now);
        for (SeriesBook book : live) {
            if (book.isSettled()) {
                refreshed.add(book);
                continue;
            }
            double[] values = grid.valuesPerContract(book.series());
            exposure = exposure.plus(values, book.openInterest().toDouble());
            refreshed.add(book.withStressValues(values));
        }
        VaultState after = vault.withRisk(vault.riskLevel(), exposure,
                simulatedStressLoss != null ? simulatedStressLoss : vault.simulatedStressLoss());
        List<VaultEvent> events = new ArrayList<>(1);
        after = RiskLadder.reassess(after, now, events);
        return new Outcome.Accepted<>(new RiskResult(after, refreshed), events, List.of());
    }
}
