package io.backstop.service.api;

import io.backstop.service.app.VaultViews;
import io.backstop.service.store.PositionRecord;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.server.Cancellable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** A trader's own positions across vaults. */
@Path("/api/v1/positions")
@RolesAllowed("trader")
@Cancellable(false)
public class PositionResource {

    /** A position: OPEN, SETTLED (payout owed) or PAID; payout once settled. */
    public record PositionView(String id, String vault, String seriesId, Quantity quantity, Amount premium,
            String status, Amount payout) {
    }

    private final SecurityIdentity identity;

    public PositionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @WithSession
    public Uni<List<PositionView>> positions() {
        return PositionRecord.ofOwner(identity.getPrincipal().getName())
                .map(rows -> rows.stream().map(PositionResource::view).toList());
    }

    private static PositionView view(PositionRecord r) {
        String status = VaultViews.positionStatus(r);
        return new PositionView(r.id, r.vault, r.series, Quantity.ofUnits(r.quantity), Amount.ofUnits(r.premium),
                status, r.payout == null ? null : Amount.ofUnits(r.payout));
    }
}
