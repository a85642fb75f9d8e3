package io.backstop.service.app;

import io.backstop.vault.RejectionCode;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.simulation.Comparison;
import io.backstop.vault.simulation.MonteCarloSimulation;
import io.backstop.vault.simulation.PolicyWhatIf;
import io.backstop.vault.simulation.Scenario;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * The operator's what-if: the vault as it stands now, simulated under the parameters in force and under proposed
 * ones, on the same paths. Nothing is stored; the simulation runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class PolicyPreview {

    private final VaultViews views;
    private final ServiceClock clock;

    public PolicyPreview(VaultViews views, ServiceClock clock) {
        this.views = views;
        this.clock = clock;
    }

    /**
     * Both set-ups' paths side by side.
     *
     * @param changes parameter keys to proposed values, each within its hard bounds
     * @throws CommandRefused {@code no-price} without an oracle price, {@code nothing-to-simulate} without LP
     *                        capital, {@code parameter-out-of-bounds} for a proposal the engine refuses
     */
    public Uni<Comparison> compare(String vaultId, Map<String, String> changes, int paths, int horizonDays,
            long seed) {
        Instant now = clock.now();
        return Panache.withSession(() -> views.valued(vaultId))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(v -> MonteCarloSimulation.compare(scenario(v, changes, paths, horizonDays, seed, now),
                        Runtime.getRuntime().availableProcessors(), (done, total) -> { }, () -> false));
    }

    private static Scenario scenario(VaultViews.Valued v, Map<String, String> changes, int paths, int horizonDays,
            long seed, Instant now) {
        VaultState state = v.vault();
        if (v.price() == null) {
            throw CommandRefused.of(RejectionCode.NO_PRICE, "no oracle price for " + state.underlying());
        }
        if (!state.balances().lpCapital().isPositive()) {
            throw CommandRefused.of(Refusal.NOTHING_TO_SIMULATE, "vault '" + state.id() + "' has no LP capital");
        }
        VaultParameters proposed = VaultBooks.accepted(VaultEngine.proposeParameters(state, changes));
        return PolicyWhatIf.scenario(state, v.unsettled(), v.price().price().toDouble(), proposed, paths,
                horizonDays, seed, now);
    }
}
