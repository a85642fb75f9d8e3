package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A row of {@code vault}: the vault aggregate with its balances as columns (see {@link Aggregates}). */
@Entity
@Table(name = "vault")
public class VaultRecord extends PanacheEntityBase {
    @Id
    public String id;
    public String underlying;
    public String quoteCurrency;
    public String parameters;
    public long cash;
    public long lpFree;
    public long locked;
    public long buffer;
    public long treasury;
    public long traderPayouts;
    public long dust;
    public long totalShares;
    public String riskLevel;
    public String exposure;
    public long simulatedStressLoss;
    public long sequence;
    public String withdrawalQueue;
    public Instant createdAt;
    /** The price the operator expected the underlying at when opening the vault, in minor units. */
    public Long referencePrice;
    /** When oracle prices last repriced the book on the stress grid, and at what spot; null until they have. */
    public Instant riskAssessedAt;
    public Long riskAssessedSpot;

    /** Every underlying some vault trades, each once, in the order the vaults were first listed. */
    public static Uni<List<String>> underlyings() {
        return VaultRecord.<VaultRecord>listAll()
                .map(rows -> rows.stream().map(r -> r.underlying).distinct().toList());
    }

    /** The reference price stated for an underlying by the first vault opened on it with one, in minor units. */
    public static Uni<Long> referencePrice(String underlying) {
        return VaultRecord.<VaultRecord>find("underlying = ?1 and referencePrice is not null order by createdAt",
                underlying).firstResult().map(v -> v == null ? null : v.referencePrice);
    }

    /** Every vault, in id order. */
    /** The ids of the vaults on an underlying, in id order. */
    public static Uni<List<String>> idsOn(String underlying) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select id from VaultRecord where underlying = ?1 order by id", String.class)
                .setParameter(1, underlying).getResultList());
    }

    public static Uni<List<VaultRecord>> all() {
        return list("order by id");
    }
}
