package io.backstop.service.app;

import io.backstop.service.store.VaultHistoryRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.VaultState;
import io.backstop.vault.risk.Coverage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Each vault's state over time, one sample per minute in the database (never only in memory, so every instance
 * reads the same history), the state the minute closed on: NAV and share price at the last oracle price, utilisation, buffer, stress loss,
 * coverage and band, as {@code GET /api/v1/vaults/{id}} and {@code …/buffer} showed them at that minute.
 */
@ApplicationScoped
public class VaultHistory {

    private final VaultViews views;
    private final ServiceClock clock;
    private final CommandTransaction transaction;

    public VaultHistory(VaultViews views, ServiceClock clock, CommandTransaction transaction) {
        this.views = views;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Records every vault's state now as its current minute's sample. */
    public Uni<Void> sample() {
        Instant minute = clock.now().truncatedTo(ChronoUnit.MINUTES);
        return transaction.run(() -> VaultRecord.all().onItem().transformToMulti(rows -> Multi.createFrom()
                .iterable(rows)).onItem().transformToUniAndConcatenate(row -> views.valued(row)
                        .chain(valued -> VaultHistoryRecord.record(record(valued, minute))))
                .collect().last().replaceWithVoid());
    }

    private static VaultHistoryRecord record(VaultViews.Valued v, Instant minute) {
        VaultState s = v.vault();
        Coverage coverage = s.coverage();
        VaultHistoryRecord r = new VaultHistoryRecord();
        r.vault = s.id();
        r.at = minute;
        r.spot = v.price() == null ? null : v.price().price().units();
        r.nav = v.nav().units();
        r.sharePrice = v.sharePrice().perShare();
        r.utilization = s.utilization();
        r.buffer = s.balances().buffer().units();
        r.stressLoss = coverage.stressLoss().units();
        r.coverage = coverage.reported();
        r.riskLevel = s.riskLevel().name();
        return r;
    }
}
