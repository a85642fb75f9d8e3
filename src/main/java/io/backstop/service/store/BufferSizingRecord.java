package io.backstop.service.store;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.simulation.BufferSizing;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code buffer_sizing}: one simulation of a vault's buffer, with its inputs. */
@Entity
@Table(name = "buffer_sizing")
public class BufferSizingRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String vault;
    public Instant sizedAt;
    public String requestedBy;
    public String model;
    public int paths;
    public int horizonDays;
    public long seed;
    public double target;
    public long bookVersion;
    public long var99;
    public long var999;
    public long cvar99;
    public long cvar999;
    public double pBufferDraw;
    public double pSocialised;
    public long recommendedBuffer;

    /** The vault's latest sizing, or null if it was never sized. */
    public static Uni<BufferSizingRecord> latest(String vault) {
        return find("vault = ?1 order by sizedAt desc, id desc", vault).firstResult();
    }

    /** A new row for a sizing of a vault, requested by an operator or by the schedule. */
    public static BufferSizingRecord of(String vault, BufferSizing s, String requestedBy) {
        BufferSizingRecord r = new BufferSizingRecord();
        r.vault = vault;
        r.sizedAt = s.sizedAt();
        r.requestedBy = requestedBy;
        r.model = s.model();
        r.paths = s.paths();
        r.horizonDays = s.horizonDays();
        r.seed = s.seed();
        r.target = s.target();
        r.bookVersion = s.bookVersion();
        r.var99 = s.var99().units();
        r.var999 = s.var999().units();
        r.cvar99 = s.cvar99().units();
        r.cvar999 = s.cvar999().units();
        r.pBufferDraw = s.bufferDrawProbability();
        r.pSocialised = s.socialisedLossProbability();
        r.recommendedBuffer = s.recommendedBuffer().units();
        return r;
    }

    /** The sizing this row holds. */
    public BufferSizing sizing() {
        return new BufferSizing(model, paths, horizonDays, seed, target, bookVersion, sizedAt, Amount.ofUnits(var99),
                Amount.ofUnits(var999), Amount.ofUnits(cvar99), Amount.ofUnits(cvar999), pBufferDraw, pSocialised,
                Amount.ofUnits(recommendedBuffer));
    }
}
