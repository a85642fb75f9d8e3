package io.backstop.service.app;

import io.backstop.service.store.Aggregates;
import io.backstop.service.store.OraclePriceRecord;
import io.backstop.service.store.ParameterChangeRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.Outcome;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.oracle.OraclePrices;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.oracle.PriceObservation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/** The protocol team's and the oracle's commands: open a vault, tune its policy, top up its buffer, post prices. */
@ApplicationScoped
public class ProtocolCommands {

    private final VaultBooks books;
    private final ServiceClock clock;
    private final CommandTransaction transaction;
    private final Idempotency idempotency;
    private final RiskRepricing repricing;

    public ProtocolCommands(VaultBooks books, ServiceClock clock, CommandTransaction transaction,
            Idempotency idempotency, RiskRepricing repricing) {
        this.books = books;
        this.repricing = repricing;
        this.clock = clock;
        this.transaction = transaction;
        this.idempotency = idempotency;
    }

    /**
     * Opens a vault with the engine's defaults changed by {@code parameters}; the first oracle
     * price of its underlying must then lie within maxPriceJump of {@code referencePrice}.
     */
    public Uni<VaultState> open(String id, String underlying, String quoteCurrency, Amount referencePrice,
            Map<String, String> parameters, String actor) {
        Instant now = clock.now();
        Outcome<VaultState> outcome = VaultEngine.open(id, underlying, quoteCurrency, parameters, actor, now);
        VaultState vault = VaultBooks.accepted(outcome);
        return transaction.run(() -> VaultRecord.<VaultRecord>findById(id).chain(existing -> {
            if (existing != null) {
                throw CommandRefused.of(Refusal.VAULT_EXISTS, "vault '" + id + "' already exists");
            }
            VaultRecord row = Aggregates.write(vault, new VaultRecord());
            row.createdAt = now;
            row.referencePrice = referencePrice.units();
            VaultParameters p = vault.parameters();
            ParameterChangeRecord audit = audit(id, p.version(), actor, "vault opened", p.asText(), now);
            return row.persist().chain(audit::persist).chain(() -> books.append(outcome.journal(), outcome.events()))
                    .replaceWith(vault);
        }));
    }

    /** A new parameter version (each value within its hard bounds), with its audit row. */
    public Uni<VaultState> changePolicy(String vaultId, Map<String, String> changes, String reason, String actor) {
        Instant now = clock.now();
        return transaction.run(() -> books.lock(vaultId).chain(row -> {
            Outcome<VaultState> outcome = VaultEngine.changeParameters(Aggregates.vault(row), actor, reason, changes,
                    null, now);
            VaultState after = VaultBooks.accepted(outcome);
            ParameterChangeRecord audit = audit(vaultId, after.parameters().version(), actor, reason, changes, now);
            return audit.persist().chain(() -> books.record(row, after, outcome)).replaceWith(after);
        }));
    }

    /**
     * New money from the operator who sent the request into the insurance buffer.
     *
     * @param answer what the operator is told, stored for repeats of the request
     */
    public Uni<Idempotency.Answer> topUp(Idempotency.Request request, String vaultId, Amount amount,
            Function<VaultState, ?> answer) {
        return idempotency.once(request, new Object[] {"top-up", vaultId, amount}, () -> {
            Instant now = clock.now();
            return books.lock(vaultId).chain(row -> {
                Outcome<VaultState> outcome = VaultEngine.topUpBuffer(Aggregates.vault(row), amount,
                        request.subject(), now);
                VaultState after = VaultBooks.accepted(outcome);
                return books.record(row, after, outcome).replaceWith(after);
            }).map(answer);
        });
    }

    /**
     * Records an oracle price if the oracle rules accept it, then reprices the risk of the vaults on its underlying
     * (each in its own transaction, see {@link RiskRepricing}). Prices of one underlying are
     * serialised by a transaction-scoped advisory lock, so two reports cannot both pass the "later than the last"
     * and jump checks against the same last price.
     */
    public Uni<PriceObservation> postPrice(String underlying, Amount price, Instant timestamp) {
        Instant now = clock.now();
        PriceObservation candidate = new PriceObservation(timestamp == null ? now : timestamp, price);
        return transaction.run(() -> OraclePriceRecord.lockUnderlying(underlying)
                .chain(() -> books.recentPrices(underlying, candidate.at()))
                // The operator's reference bounds only an underlying's first price.
                .chain(recent -> (recent.last() != null ? Uni.createFrom().<Long>nullItem()
                        : VaultRecord.referencePrice(underlying)).invoke(reference -> OraclePrices.check(recent,
                                reference == null ? null : Amount.ofUnits(reference), candidate, now, books.limits())
                        .ifPresent(r -> {
                            throw CommandRefused.of(r);
                        })))
                .chain(() -> Aggregates.record(underlying, candidate, now).persist().replaceWith(candidate)))
                .call(accepted -> repricing.afterPrice(underlying, accepted, now));
    }

    private static ParameterChangeRecord audit(String vault, long version, String actor, String reason,
            Map<String, String> changes, Instant now) {
        ParameterChangeRecord audit = new ParameterChangeRecord();
        audit.vault = vault;
        audit.version = version;
        audit.actor = actor;
        audit.reason = reason;
        audit.changes = Aggregates.write(changes);
        audit.at = now;
        return audit;
    }
}
