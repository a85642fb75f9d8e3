package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
