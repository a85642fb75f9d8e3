package io.backstop.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 60-digit reference prices written by {@code src/test/python/bsm_reference.py}. */
final class ReferenceGrid {

    /** One reference row: exact double inputs and the price to 30 significant digits. */
    record Row(OptionType type, double spot, double strike, double expiry, double rate, double dividend, double vol,
            BigDecimal price) {

        double x() {
            return Math.log(spot / strike) + (rate - dividend) * expiry;
        }

        double totalVol() {
            return vol * Math.sqrt(expiry);
        }

        @Override
        public String toString() {
            return type + " S=" + spot + " K=" + strike + " T=" + expiry + " r=" + rate + " q=" + dividend
                    + " vol=" + vol;
        }
    }

    private ReferenceGrid() {
    }

    static List<Row> rows() {
        var in = ReferenceGrid.class.getResourceAsStream("bsm-reference.csv");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                rows.add(new Row(OptionType.parse(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), new BigDecimal(f[7])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
