package io.backstop.vault.simulation.json;

import io.backstop.vault.simulation.InvalidScenarioException;
import io.backstop.vault.simulation.market.HistoricalReplay;
import io.backstop.vault.simulation.market.JumpDiffusion;
import io.backstop.vault.simulation.market.SpotModel;
import io.backstop.vault.simulation.market.VolatilityRegimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads the {@code market} object of a scenario into a {@link SpotModel}. */
final class SpotModels {

    private SpotModels() {
    }

    static SpotModel read(JsonFields f, Path baseFolder) {
        String model = f.text("model", "gbm").toLowerCase(Locale.ROOT);
        double spot = f.amount("spot", null).toDouble();
        if (!(spot > 0)) {
            throw f.invalid("spot", "must be positive, was " + spot);
        }
        double drift = f.number("drift", 0, -10, 10);
        return switch (model) {
            case "gbm", "merton" -> {
                JsonFields jumps = f.objectOrEmpty("jumps");
                yield new JumpDiffusion(spot, drift, f.number("vol", 0, 0, 10),
                        jumps.number("intensity", 0, 0, 10_000), jumps.number("meanLog", 0, -5, 5),
                        jumps.number("volLog", 0, 0, 5));
            }
            case "regime" -> {
                JsonFields r = f.objectOrEmpty("regimes");
                double calm = r.number("calmVol", f.number("vol", 0, 0, 10), 0, 10);
                yield new VolatilityRegimes(spot, drift, calm, r.number("stressedVol", 2 * calm, 0, 10),
                        r.number("toStressedPerYear", 4, 0, 10_000), r.number("toCalmPerYear", 24, 0, 10_000),
                        r.bool("startStressed", false));
            }
            case "historical" -> new HistoricalReplay(spot, logReturns(f, baseFolder),
                    (int) f.integer("blockLength", 0, 0, 100_000));
            default -> throw f.invalid("model", "must be one of gbm, merton, regime, historical; was \"" + model
                    + "\"");
        };
    }

    /** The volatility a model typically runs at: the default level of the vault's flat surface. */
    static double typicalVol(SpotModel model) {
        double vol;
        if (model instanceof JumpDiffusion j) {
            vol = Math.sqrt(j.vol() * j.vol() + j.jumpIntensity()
                    * (j.jumpMeanLog() * j.jumpMeanLog() + j.jumpVolLog() * j.jumpVolLog()));
        } else if (model instanceof VolatilityRegimes r) {
            vol = r.calmVol();
        } else {
            vol = realisedVol(((HistoricalReplay) model).logReturns());
        }
        return Math.min(Math.max(vol, 0.01), 5);
    }

    /** A straight replay needs a return for every step. */
    static void checkLength(SpotModel model, int steps, JsonFields f) {
        if (model instanceof HistoricalReplay h && h.blockLength() == 0 && h.logReturns().length < steps) {
            throw f.invalid("csv", "has " + h.logReturns().length + " returns but the horizon needs " + steps
                    + " (one per step); shorten the horizon or set blockLength to bootstrap");
        }
    }

    /** Annualised realised volatility of daily returns. */
    private static double realisedVol(double[] logReturns) {
        double sum = 0;
        double sumSquares = 0;
        for (double r : logReturns) {
            sum += r;
            sumSquares += r * r;
        }
        int n = logReturns.length;
        double variance = n > 1 ? (sumSquares - sum * sum / n) / (n - 1) : 0;
        return Math.sqrt(variance * 365);
    }

    /** The log returns of a {@code timestamp,price} CSV, header optional, timestamps strictly increasing. */
    private static double[] logReturns(JsonFields f, Path baseFolder) {
        String csv = f.text("csv", null);
        if (csv == null) {
            throw f.invalid("csv", "is required for the historical model: a timestamp,price file");
        }
        Path file = baseFolder.resolve(csv);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw f.invalid("csv", "cannot be read: " + file);
        }
        double[] prices = new double[lines.size()];
        int n = 0;
        Instant last = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("timestamp"))) {
                continue;
            }
            String[] cells = line.split(",");
            String where = "line " + (i + 1) + " of " + csv;
            if (cells.length != 2) {
                throw f.invalid("csv", where + " must be timestamp,price");
            }
            try {
                Instant at = Instant.parse(cells[0].strip());
                if (last != null && !at.isAfter(last)) {
                    throw f.invalid("csv", where + ": timestamps must increase");
                }
                last = at;
                prices[n] = Double.parseDouble(cells[1].strip());
            } catch (DateTimeParseException | NumberFormatException e) {
                throw f.invalid("csv", where + " must be an ISO-8601 timestamp and a price, was \"" + line + "\"");
            }
            if (!(prices[n] > 0) || !Double.isFinite(prices[n])) {
                throw f.invalid("csv", where + ": price must be positive");
            }
            n++;
        }
        if (n < 2) {
            throw new InvalidScenarioException(f.path("csv"), "needs at least two prices");
        }
        return HistoricalReplay.logReturns(java.util.Arrays.copyOf(prices, n));
    }
}
