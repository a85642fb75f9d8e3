package io.backstop.service.api;

import io.backstop.service.app.SettlementRun;
import io.backstop.service.app.VaultBooks;
import io.backstop.service.app.VaultViews;
import io.backstop.service.store.Aggregates;
import io.backstop.service.store.SeriesRecord;
import io.backstop.service.store.SettlementRecord;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.settlement.SettlementReport;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.server.Cancellable;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;

/** A vault's option book: its series with marks, and its settlements. */
@Path("/api/v1/vaults/{id}")
@Cancellable(false)
public class BookResource {

    /** A series: open interest, collateral, mark per contract and iv while live; price once settled. */
    public record SeriesView(String seriesId, String type, Amount strike, Instant expiry, Quantity openInterest,
            Amount locked, String status, Double mark, Double iv, Amount settlementPrice, String pendingReason) {
    }

    /** A settlement report. */
    public record SettlementView(String seriesId, Amount price, Amount claims, Amount paid, Amount fromLocked,
            Amount fromLpCapital, Amount fromBuffer, Amount socialisedLoss, double payoutRatio, Instant settledAt) {
    }

    /** An operator's retry: what settled and what is still pending. */
    public record AttemptView(String seriesId, String status, String pendingReason, SettlementView settlement) {
    }

    private final VaultViews views;
    private final VaultBooks books;
    private final SettlementRun settlement;

    public BookResource(VaultViews views, VaultBooks books, SettlementRun settlement) {
        this.views = views;
        this.books = books;
        this.settlement = settlement;
    }

    @GET
    @Path("/series")
    @PermitAll
    @WithSession
    public Uni<List<SeriesView>> series(@PathParam("id") String vault) {
        return views.valued(vault).chain(v -> SeriesRecord.ofVault(vault)
                .map(rows -> rows.stream().map(row -> {
                    SeriesBook book = Aggregates.seriesBook(v.vault(), row);
                    VaultViews.Mark mark = VaultViews.mark(v, book);
                    String status = VaultViews.seriesStatus(book, row.pendingReason);
                    return new SeriesView(row.id, row.optionType.toLowerCase(), book.series().strike(), row.expiry,
                            book.openInterest(), book.locked(), status, mark == null ? null : mark.value(),
                            mark == null ? null : mark.iv(), book.settlementPrice(), row.pendingReason);
                }).toList()));
    }

    @GET
    @Path("/settlements")
    @PermitAll
    @WithSession
    public Uni<List<SettlementView>> settlements(@PathParam("id") String vault) {
        return books.read(vault).chain(v -> SettlementRecord.ofVault(vault)
                .map(rows -> rows.stream().map(BookResource::view).toList()));
    }

    @POST
    @Path("/settlements")
    @RolesAllowed("operator")
    public Uni<List<AttemptView>> retry(@PathParam("id") String vault) {
        return settlement.retry(vault)
                .map(attempts -> attempts.stream().map(a -> new AttemptView(a.series(),
                        a.report() == null ? "PENDING" : "SETTLED", a.pendingReason(),
                        a.report() == null ? null : view(a.report()))).toList());
    }

    private static SettlementView view(SettlementRecord r) {
        return new SettlementView(r.series, Amount.ofUnits(r.price), Amount.ofUnits(r.claims), Amount.ofUnits(r.paid),
                Amount.ofUnits(r.fromLocked), Amount.ofUnits(r.fromLpCapital), Amount.ofUnits(r.fromBuffer),
                Amount.ofUnits(r.socialisedLoss), r.payoutRatio, r.settledAt);
    }

    private static SettlementView view(SettlementReport r) {
        return new SettlementView(r.series(), r.settlementPrice(), r.claims(), r.paid(), r.fromLocked(),
                r.fromLpCapital(), r.fromBuffer(), r.socialisedLoss(), r.payoutRatio(), null);
    }
}
