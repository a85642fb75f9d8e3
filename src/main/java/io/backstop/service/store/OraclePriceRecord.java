package io.backstop.service.store;

import java.util.List;
import io.backstop.vault.ledger.Amount;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code oracle_price}: an accepted price of an underlying. */
@Entity
@Table(name = "oracle_price")
public class OraclePriceRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String underlying;
    public long price;
    public Instant observedAt;
    public Instant receivedAt;

    /** The lowest and highest price of an underlying accepted since an instant; both null when there was none. */
    public static Uni<Amount[]> rangeSince(String underlying, Instant since) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT MIN(price), MAX(price) FROM oracle_price "
                + "WHERE underlying = ?1 AND observed_at >= ?2", Object[].class).setParameter(1, underlying)
                .setParameter(2, since).getSingleResult())
                .map(range -> new Amount[] {units(range[0]), units(range[1])});
    }

    private static Amount units(Object column) {
        return column == null ? null : Amount.ofUnits(((Number) column).longValue());
    }

    /**
     * Serialises the reports of one underlying until the transaction ends (an advisory lock), so two reports cannot
     * both be judged against the same last price.
     */
    public static Uni<Void> lockUnderlying(String underlying) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, underlying).getSingleResult()).replaceWithVoid();
    }

    /** The last accepted price of an underlying by observation time, or null. */
    public static Uni<OraclePriceRecord> latest(String underlying) {
        return find("underlying = ?1 order by observedAt desc", underlying).firstResult();
    }

    /**
     * The accepted prices that bound a settlement price set by hand: the last one observed at or before
     * {@code expiry} and the first one after it, those that exist.
     */
    public static Uni<List<OraclePriceRecord>> aroundExpiry(String underlying, Instant expiry) {
        Uni<OraclePriceRecord> before = find("underlying = ?1 and observedAt <= ?2 order by observedAt desc",
                underlying, expiry).firstResult();
        Uni<OraclePriceRecord> after = find("underlying = ?1 and observedAt > ?2 order by observedAt", underlying,
                expiry).firstResult();
        return before.chain(b -> after.map(a -> java.util.stream.Stream.of(b, a).filter(r -> r != null).toList()));
    }

    /** The prices of an underlying observed from {@code from} to {@code to}, both included, oldest first. */
    public static Uni<List<OraclePriceRecord>> observedBetween(String underlying, Instant from, Instant to) {
        return list("underlying = ?1 and observedAt >= ?2 and observedAt <= ?3 order by observedAt", underlying,
                from, to);
    }
}
