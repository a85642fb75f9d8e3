package io.backstop.vault;

import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.SeriesMark;
import java.time.Instant;
import java.util.Collection;

/**
 * A vault's book marked once at a market and instant, and sales priced on those marks: the door for a caller that
 * values the whole book and then sells in the same step, as the simulator does every simulated day, so that no
 * series is priced twice. The rules are {@link VaultEngine}'s, unchanged: {@link #buy} is
 * {@link VaultEngine#buyAtMarket} at the mark's market and instant, refused for the same reasons in the same order.
 * Everyone else uses {@link VaultEngine} and {@link Valuation#of(Collection, MarketSnapshot, VaultParameters,
 * Instant)}.
 */
public final class MarkedBook {

    private MarkedBook() {
    }

    /**
     * The book's valuation, keeping the i-th series' mark in {@code marks[i]} (null for one settled or without open
     * interest).
     *
     * @param series the vault's unsettled series in {@link io.backstop.vault.quote.OptionSeries#BOOK_ORDER}
     * @param marks  at least as long as {@code series}
     */
    public static Valuation value(Collection<SeriesBook> series, MarketSnapshot market, VaultParameters parameters,
            Instant now, SeriesMark[] marks) {
        if (marks.length < series.size()) {
            throw new IllegalArgumentException("room for " + marks.length + " marks, " + series.size() + " series");
        }
        return Valuation.of(series, market, parameters, now, marks);
    }

    /**
     * A market order for the marked series at the mark's market and instant, priced on the mark. A mark taken under
     * other parameters than the vault's is taken again.
     *
     * @param book the series' book, or null if the series has never traded
     */
    public static Outcome<VaultEngine.TradeResult> buy(VaultState vault, SeriesBook book, SeriesMark mark,
            Quantity quantity, Amount maxPremium, String buyer) {
        return VaultEngine.buyAtMark(vault, book, mark, quantity, maxPremium, buyer);
    }
}
