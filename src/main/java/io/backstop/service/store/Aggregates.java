package io.backstop.service.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backstop.pricing.OptionType;
import io.backstop.pricing.surface.SviSmile;
import io.backstop.pricing.surface.VolatilitySurface;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.oracle.PriceObservation;
import io.backstop.vault.quote.Bid;
import io.backstop.vault.quote.BidBreakdown;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.quote.QuoteBreakdown;
import io.backstop.vault.risk.RiskLevel;
import io.backstop.vault.risk.StressExposure;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.shares.QueuedWithdrawal;
import io.backstop.vault.shares.Shares;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapping between the engine's aggregates and their rows: each aggregate round-trips exactly (amounts in
 * minor units, doubles as JSON numbers, which Jackson writes in shortest round-trip form).
 */
public final class Aggregates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Aggregates() {
    }

    /** The vault aggregate of a row. */
    public static VaultState vault(VaultRecord r) {
        Balances balances = new Balances(Amount.ofUnits(r.cash), Amount.ofUnits(r.lpFree), Amount.ofUnits(r.locked),
                Amount.ofUnits(r.buffer), Amount.ofUnits(r.treasury), Amount.ofUnits(r.traderPayouts),
                Amount.ofUnits(r.dust));
        return new VaultState(r.id, r.underlying, r.quoteCurrency, parameters(r.parameters), balances,
                Shares.ofUnits(r.totalShares), RiskLevel.valueOf(r.riskLevel),
                StressExposure.of(read(r.exposure, double[].class)), Amount.ofUnits(r.simulatedStressLoss),
                r.sequence, queue(r.withdrawalQueue));
    }

    /** Writes a vault aggregate into a row (new or loaded). */
    public static VaultRecord write(VaultState v, VaultRecord r) {
        r.id = v.id();
        r.underlying = v.underlying();
        r.quoteCurrency = v.quoteCurrency();
        r.parameters = parametersJson(v.parameters());
        Balances b = v.balances();
        r.cash = b.cash().units();
        r.lpFree = b.lpFree().units();
        r.locked = b.locked().units();
        r.buffer = b.buffer().units();
        r.treasury = b.treasury().units();
        r.traderPayouts = b.traderPayouts().units();
        r.dust = b.dust().units();
        r.totalShares = v.totalShares().units();
        r.riskLevel = v.riskLevel().name();
        r.exposure = write(v.exposure().liabilities());
        r.simulatedStressLoss = v.simulatedStressLoss().units();
        r.sequence = v.sequence();
        List<Map<String, Object>> queue = new ArrayList<>();
        for (QueuedWithdrawal q : v.withdrawalQueue()) {
            queue.add(Map.of("owner", q.owner(), "shares", q.shares().units(), "queuedAt", q.queuedAt().toString()));
        }
        r.withdrawalQueue = write(queue);
        return r;
    }

    /** The parameters as stored: version, every value as API text, the surface's smiles by expiry in years. */
    public static String parametersJson(VaultParameters p) {
        List<Map<String, Object>> smiles = new ArrayList<>();
        p.surface().smiles().forEach((expiry, s) -> smiles.add(Map.of("expiry", expiry, "a", s.a(), "b", s.b(),
                "rho", s.rho(), "m", s.m(), "sigma", s.sigma())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", p.version());
        json.put("values", p.asText());
        json.put("surface", smiles);
        return write(json);
    }

    /**
     * Parameters read from their stored text, kept by that text: a vault's parameters change only with a new version,
     * and every read and command of a vault otherwise parsed the same JSON and checked the same surface for
     * arbitrage again (a sixth of a {@code GET /vaults/{id}}). The text is the key, so the entry can never disagree
     * with the database; when the map outgrows {@link #PARSED_LIMIT} texts it starts again.
     */
    public static VaultParameters parameters(String text) {
        VaultParameters parsed = PARSED.get(text);
        if (parsed == null) {
            parsed = parse(text);
            if (PARSED.size() >= PARSED_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(text, parsed);
        }
        return parsed;
    }

    /** More distinct parameter texts than vaults with a version or two each: a few hundred kilobytes at most. */
    static final int PARSED_LIMIT = 256;

    private static final Map<String, VaultParameters> PARSED = new ConcurrentHashMap<>();

    private static VaultParameters parse(String text) {
        StoredParameters stored = read(text, StoredParameters.class);
        Map<Double, SviSmile> smiles = new LinkedHashMap<>();
        for (StoredSmile s : stored.surface()) {
            smiles.put(s.expiry(), new SviSmile(s.a(), s.b(), s.rho(), s.m(), s.sigma()));
        }
        return VaultParameters.restore(stored.version(), stored.values(), VolatilitySurface.of(smiles));
    }

    private record StoredParameters(long version, Map<String, String> values, List<StoredSmile> surface) {
    }

    private record StoredSmile(double expiry, double a, double b, double rho, double m, double sigma) {
    }

    private record StoredQueued(String owner, long shares, String queuedAt) {
    }

    private static List<QueuedWithdrawal> queue(String text) {
        List<QueuedWithdrawal> queue = new ArrayList<>();
        for (StoredQueued q : read(text, new TypeReference<List<StoredQueued>>() { })) {
            queue.add(new QueuedWithdrawal(q.owner(), Shares.ofUnits(q.shares()), Instant.parse(q.queuedAt())));
        }
        return queue;
    }

    /** The series of a row, in the vault's underlying and quote currency. */
    public static OptionSeries series(VaultState vault, String type, long strike, Instant expiry) {
        return new OptionSeries(vault.underlying(), vault.quoteCurrency(), OptionType.valueOf(type),
                Amount.ofUnits(strike), expiry);
    }

    /** A series book of a row. */
    public static SeriesBook seriesBook(VaultState vault, SeriesRecord r) {
        return new SeriesBook(r.vault, series(vault, r.optionType, r.strike, r.expiry),
                Quantity.ofUnits(r.openInterest), Amount.ofUnits(r.locked), read(r.stressValues, double[].class),
                r.settlementPrice == null ? null : Amount.ofUnits(r.settlementPrice));
    }

    /** Writes a series book into a row (new or loaded). */
    public static SeriesRecord write(SeriesBook b, SeriesRecord r) {
        r.vault = b.vault();
        r.id = b.id();
        r.optionType = b.series().type().name();
        r.strike = b.series().strike().units();
        r.expiry = b.series().expiry();
        r.openInterest = b.openInterest().units();
        r.locked = b.locked().units();
        r.stressValues = write(b.stressValues());
        r.settlementPrice = b.settlementPrice() == null ? null : b.settlementPrice().units();
        return r;
    }

    /** An accepted oracle price of a row. */
    public static PriceObservation observation(OraclePriceRecord r) {
        return new PriceObservation(r.observedAt, Amount.ofUnits(r.price));
    }

    /** A new row for an accepted oracle price of an underlying, received at {@code receivedAt}. */
    public static OraclePriceRecord record(String underlying, PriceObservation p, Instant receivedAt) {
        OraclePriceRecord r = new OraclePriceRecord();
        r.underlying = underlying;
        r.price = p.price().units();
        r.observedAt = p.at();
        r.receivedAt = receivedAt;
        return r;
    }

    /** Writes a position into a row (new or loaded). */
    public static PositionRecord write(Position p, PositionRecord r) {
        r.id = p.id();
        r.vault = p.vault();
        r.owner = p.owner();
        r.series = p.series();
        r.quantity = p.quantity().units();
        r.premium = p.premium().units();
        return r;
    }

    /** An LP account of a row, or a new empty one. */
    public static LpAccount account(String vault, String owner, LpAccountRecord r) {
        return r == null ? LpAccount.open(vault, owner) : new LpAccount(vault, owner, Shares.ofUnits(r.shares));
    }

    /** A quote of a row. */
    public static Quote quote(VaultState vault, QuoteRecord r) {
        QuoteBreakdown breakdown = new QuoteBreakdown(r.spot, r.iv, Amount.ofUnits(r.theoretical),
                Amount.ofUnits(r.spread), Amount.ofUnits(r.fees), Amount.ofUnits(r.bufferContribution),
                Amount.ofUnits(r.treasury));
        return new Quote(r.id, r.vault, r.owner, series(vault, r.optionType, r.strike, r.expiry),
                Quantity.ofUnits(r.quantity), breakdown, r.parametersVersion, Amount.ofUnits(r.collateral), r.issuedAt,
                r.validUntil, r.taken);
    }

    /** A new row for a quote. */
    public static QuoteRecord record(Quote q) {
        QuoteRecord r = new QuoteRecord();
        r.id = q.id();
        r.vault = q.vault();
        r.owner = q.owner();
        r.taken = q.taken();
        r.optionType = q.series().type().name();
        r.strike = q.series().strike().units();
        r.expiry = q.series().expiry();
        r.quantity = q.quantity().units();
        QuoteBreakdown b = q.breakdown();
        r.spot = b.spot();
        r.iv = b.iv();
        r.theoretical = b.theoretical().units();
        r.spread = b.spread().units();
        r.fees = b.fees().units();
        r.bufferContribution = b.bufferContribution().units();
        r.treasury = b.treasury().units();
        r.collateral = q.collateral().units();
        r.issuedAt = q.issuedAt();
        r.validUntil = q.validUntil();
        r.parametersVersion = q.parametersVersion();
        return r;
    }

    /** A bid of a row (one whose {@code position} is set). */
    public static Bid bid(VaultState vault, QuoteRecord r) {
        BidBreakdown breakdown = new BidBreakdown(r.spot, r.iv, Amount.ofUnits(r.theoretical),
                Amount.ofUnits(r.spread), Amount.ofUnits(r.fees), Amount.ofUnits(r.bufferContribution),
                Amount.ofUnits(r.treasury));
        return new Bid(r.id, r.vault, r.owner, r.position, series(vault, r.optionType, r.strike, r.expiry),
                Quantity.ofUnits(r.quantity), breakdown, r.parametersVersion, r.issuedAt, r.validUntil, r.taken);
    }

    /** A new row for a bid. */
    public static QuoteRecord record(Bid b) {
        QuoteRecord r = new QuoteRecord();
        r.id = b.id();
        r.vault = b.vault();
        r.owner = b.owner();
        r.position = b.position();
        r.taken = b.taken();
        r.optionType = b.series().type().name();
        r.strike = b.series().strike().units();
        r.expiry = b.series().expiry();
        r.quantity = b.quantity().units();
        BidBreakdown d = b.breakdown();
        r.spot = d.spot();
        r.iv = d.iv();
        r.theoretical = d.theoretical().units();
        r.spread = d.spread().units();
        r.fees = d.fees().units();
        r.bufferContribution = d.bufferContribution().units();
        r.treasury = d.treasury().units();
        r.collateral = 0;
        r.issuedAt = b.issuedAt();
        r.validUntil = b.validUntil();
        r.parametersVersion = b.parametersVersion();
        return r;
    }

    /** A position of a row, with its payout row once its series has settled (null before). */
    public static Position position(PositionRecord r, PayoutRecord payout) {
        return new Position(r.id, r.vault, r.owner, r.series, Quantity.ofUnits(r.quantity),
                Amount.ofUnits(r.premium), payout == null ? null : Amount.ofUnits(payout.amount),
                payout != null && payout.paidOut);
    }

    /** A stored parameter change (key → value). */
    public static Map<String, String> changes(String text) {
        return read(text, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    /** JSON text of a value. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored " + type.getSimpleName() + ": " + text, e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored " + type.getType() + ": " + text, e);
        }
    }
}
