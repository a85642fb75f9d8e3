package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code payout}: what a settled position receives and whether it has been paid. Written only by
 * {@link PositionRecord#recordPayouts}, all of a series' at once; read joined to its position.
 */
@Entity
@Table(name = "payout")
public class PayoutRecord extends PanacheEntityBase {
    @Id
    public String position;
    public String vault;
    public String series;
    public long amount;
    public boolean paidOut;
}
