package io.backstop.vault.simulation.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backstop.pricing.OptionType;
import io.backstop.pricing.surface.VolatilitySurface;
import io.backstop.vault.governance.Parameter;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.simulation.InvalidScenarioException;
import io.backstop.vault.simulation.LpFlow;
import io.backstop.vault.simulation.OpeningPosition;
import io.backstop.vault.simulation.Scenario;
import io.backstop.vault.simulation.TraderFlow;
import io.backstop.vault.simulation.VaultSetup;
import io.backstop.vault.simulation.market.ImpliedVolDynamics;
import io.backstop.vault.simulation.market.SpotModel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scenario from JSON (the shape is in the README), every default filled in and every field checked; a
 * problem is an {@link InvalidScenarioException} naming the field. Fields it does not know are allowed and ignored.
 */
public final class ScenarioJson {

    /** Decimals stay exact: amounts written as JSON numbers are read as the decimals they are. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /**
     * A scenario as read, with the JSON it came from (echoed in the report).
     *
     * @param scenario the scenario
     * @param json     the file's JSON
     */
    public record Loaded(Scenario scenario, ObjectNode json) {
    }

    private ScenarioJson() {
    }

    /**
     * Parses and checks a scenario.
     *
     * @param text       the JSON
     * @param baseFolder where relative paths in it (a replay's CSV) are resolved
     */
    public static Loaded read(String text, Path baseFolder) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException("(root)", "is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        }
        JsonFields f = JsonFields.of(root, "");
        JsonFields marketFields = f.object("market");
        if (marketFields == null) {
            throw f.invalid("market", "is required");
        }
        SpotModel market = SpotModels.read(marketFields, baseFolder);
        JsonFields vaultFields = f.object("vault");
        if (vaultFields == null) {
            throw f.invalid("vault", "is required");
        }
        double surfaceVol = vaultFields.number("surfaceVol", SpotModels.typicalVol(market), 0.01, 5);
        double rate = marketFields.number("rate", 0, -0.1, 0.5);
        double dividend = marketFields.number("dividend", 0, -0.1, 0.5);
        VaultSetup vault = vault(vaultFields, null, surfaceVol, rate, dividend);
        JsonFields compare = f.object("compare");
        VaultSetup alternative = compare == null ? null : vault(compare, vault, surfaceVol, rate, dividend);
        JsonFields flows = f.objectOrEmpty("flows");
        JsonFields iv = marketFields.objectOrEmpty("impliedVol");
        ImpliedVolDynamics dynamics = new ImpliedVolDynamics(iv.number("sensitivity", 0, 0, 10),
                iv.number("halfLifeDays", 5, 0.01, 3650), iv.number("reference", surfaceVol, 0, 5));
        Scenario scenario = new Scenario(
                f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                (int) f.integer("paths", 1, 100_000_000),
                (int) f.integer("horizonDays", 1, 3650),
                (int) f.integer("stepsPerDay", 1, 1, 288),
                start(f),
                market, dynamics, vault, book(f),
                traders(flows.objectOrEmpty("traders")),
                lps(flows.objectOrEmpty("lps")),
                (int) f.integer("riskReassessmentDays", 1, 1, 3650),
                f.number("targetSocialisedLossProbability", 0.001, 1e-9, 0.5),
                alternative);
        if ((long) scenario.horizonDays() * scenario.stepsPerDay() > 1_000_000) {
            throw f.invalid("stepsPerDay", "horizonDays × stepsPerDay must be at most 1,000,000");
        }
        SpotModels.checkLength(market, scenario.steps(), marketFields);
        return new Loaded(scenario, (ObjectNode) root);
    }

    private static Instant start(JsonFields f) {
        String text = f.text("start", null);
        if (text == null) {
            return Scenario.DEFAULT_START;
        }
        try {
            Instant start = Instant.parse(text);
            if (start.getEpochSecond() % 86_400 != 8 * 3600 || start.getNano() != 0) {
                throw f.invalid("start", "must be at 08:00 UTC, the listing's expiry time, was " + text);
            }
            return start;
        } catch (DateTimeParseException e) {
            throw f.invalid("start", "must be an ISO-8601 instant such as 2026-01-05T08:00:00Z, was " + text);
        }
    }

    /** The vault, or with {@code base} an alternative that changes only what it names. */
    private static VaultSetup vault(JsonFields f, VaultSetup base, double surfaceVol, double rate, double dividend) {
        Amount lpCapital = f.amount("lpCapital", base == null ? null : base.lpCapital());
        if (!lpCapital.isPositive()) {
            throw f.invalid("lpCapital", "must be positive, was " + lpCapital);
        }
        Amount buffer = f.amount("buffer", base == null ? Amount.ZERO : base.buffer());
        if (buffer.isNegative()) {
            throw f.invalid("buffer", "must not be negative, was " + buffer);
        }
        Map<String, String> changes = new LinkedHashMap<>();
        if (base == null) {
            changes.put("rate", Double.toString(rate));
            changes.put("dividendYield", Double.toString(dividend));
        }
        JsonFields parameters = f.objectOrEmpty("parameters");
        for (Iterator<String> it = parameters.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode v = parameters.raw(key);
            String text = v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
            try {
                Parameter.byKey(key).parse(text);
            } catch (IllegalArgumentException e) {
                throw parameters.invalid(key, e.getMessage());
            }
            changes.put(key, text);
        }
        VaultParameters start = base == null ? VaultParameters.defaults() : base.parameters();
        VolatilitySurface surface = f.has("surfaceVol") || base == null
                ? VolatilitySurface.flat(f.number("surfaceVol", surfaceVol, 0.01, 5)) : null;
        try {
            return new VaultSetup(lpCapital, buffer, start.with(changes, surface));
        } catch (IllegalArgumentException e) {
            throw f.invalid("parameters", e.getMessage());
        }
    }

    private static List<OpeningPosition> book(JsonFields f) {
        JsonNode book = f.raw("book");
        if (book == null || book.isNull()) {
            return List.of();
        }
        if (!book.isArray()) {
            throw f.invalid("book", "must be an array of positions");
        }
        List<OpeningPosition> out = new ArrayList<>(book.size());
        for (int i = 0; i < book.size(); i++) {
            JsonFields line = JsonFields.of(book.get(i), "book[" + i + "]");
            OptionType type = optionType(line);
            Amount strike = line.amount("strike", null);
            if (!strike.isPositive()) {
                throw line.invalid("strike", "must be positive, was " + strike);
            }
            int expiryDays = (int) line.integer("expiryDays", 1, 3650);
            Quantity quantity = line.quantity("quantity", null);
            if (!quantity.isPositive()) {
                throw line.invalid("quantity", "must be positive, was " + quantity);
            }
            out.add(new OpeningPosition(type, strike, expiryDays, quantity));
        }
        return out;
    }

    private static OptionType optionType(JsonFields line) {
        String type = line.text("type", null);
        if (type == null) {
            throw line.invalid("type", "is required: \"call\" or \"put\"");
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "call", "c" -> OptionType.CALL;
            case "put", "p" -> OptionType.PUT;
            default -> throw line.invalid("type", "must be \"call\" or \"put\", was \"" + type + "\"");
        };
    }

    private static TraderFlow traders(JsonFields f) {
        double arrivals = f.number("arrivalsPerDay", 0, 0, 500);
        double[] moneyness = {0.9, 1.0, 1.1};
        double[] weights = {1, 1, 1};
        JsonNode buckets = f.raw("moneyness");
        if (buckets != null && !buckets.isNull()) {
            if (!buckets.isArray() || buckets.isEmpty()) {
                throw f.invalid("moneyness", "must be a non-empty array of {\"value\": …, \"weight\": …}");
            }
            moneyness = new double[buckets.size()];
            weights = new double[buckets.size()];
            for (int i = 0; i < buckets.size(); i++) {
                JsonFields b = JsonFields.of(buckets.get(i), f.path("moneyness[" + i + "]"));
                moneyness[i] = b.numberAbove("value", 0);
                weights[i] = b.number("weight", 1, 0, 1e9);
            }
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            if (!(total > 0)) {
                throw f.invalid("moneyness", "needs at least one positive weight");
            }
        }
        JsonFields quantity = f.objectOrEmpty("quantity");
        Quantity min = quantity.quantity("min", Quantity.ofUnits(Quantity.ONE));
        Quantity max = quantity.quantity("max", Quantity.ofUnits(10 * Quantity.ONE));
        if (min.units() < Quantity.ONE / 10 || min.compareTo(max) > 0) {
            throw quantity.invalid("min", "needs 0.1 ≤ min ≤ max, was " + min + " and " + max);
        }
        return new TraderFlow(arrivals, f.number("callProbability", 0.5, 0, 1), moneyness, weights,
                f.number("weeklyProbability", 0.7, 0, 1), min, max);
    }

    private static LpFlow lps(JsonFields f) {
        Amount depositSize = f.amount("depositSize", Amount.ofUnits(10_000 * Amount.ONE));
        Amount withdrawalSize = f.amount("withdrawalSize", depositSize);
        if (!depositSize.isPositive()) {
            throw f.invalid("depositSize", "must be positive, was " + depositSize);
        }
        if (!withdrawalSize.isPositive()) {
            throw f.invalid("withdrawalSize", "must be positive, was " + withdrawalSize);
        }
        return new LpFlow(f.number("depositsPerDay", 0, 0, 10_000), depositSize,
                f.number("withdrawalsPerDay", 0, 0, 10_000), withdrawalSize,
                f.number("panicSensitivity", 0, 0, 1000));
    }
}
