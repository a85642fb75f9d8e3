package io.backstop.pricing.bench;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Accuracy beside the speed figures: the worst relative error of our price and of the textbook formula on
 * Commons Math 3.6.1 against the 60-digit reference grid, for prices of at least 1e-6·S and for all
 * representable prices. Run: {@code java -cp pricing/target/pricing-benchmarks.jar
 * io.backstop.pricing.bench.AccuracyComparison pricing/src/test/resources/io/backstop/pricing/bsm-reference.csv}.
 */
public final class AccuracyComparison {

    private AccuracyComparison() {
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        double[] oursWorst = new double[2];
        double[] textbookWorst = new double[2];
        int textbookNonFinite = 0;
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            BigDecimal reference = new BigDecimal(f[7]);
            if (reference.compareTo(BigDecimal.valueOf(Double.MIN_NORMAL)) < 0) {
                continue;
            }
            OptionType type = OptionType.parse(f[0]);
            double[] n = new double[6];
            for (int i = 0; i < 6; i++) {
                n[i] = Double.parseDouble(f[i + 1]);
            }
            double ours = BlackScholesMerton.price(type, n[0], n[1], n[2], n[3], n[4], n[5]);
            double textbook = TextbookBlackScholes.price(type, n[0], n[1], n[2], n[3], n[4], n[5]);
            int bucket = reference.doubleValue() >= 1e-6 * n[0] ? 0 : 1;
            compared++;
            oursWorst[bucket] = Math.max(oursWorst[bucket], relative(ours, reference));
            if (!Double.isFinite(textbook)) {
                textbookNonFinite++;
                continue;
            }
            textbookWorst[bucket] = Math.max(textbookWorst[bucket], relative(textbook, reference));
        }
        System.out.printf("%d reference prices%n", compared);
        System.out.printf("worst relative error, price >= 1e-6 S:  ours %.2e   textbook %.2e%n", oursWorst[0],
                textbookWorst[0]);
        System.out.printf("worst relative error, price <  1e-6 S:  ours %.2e   textbook %.2e%n", oursWorst[1],
                textbookWorst[1]);
        System.out.printf("textbook non-finite results: %d%n", textbookNonFinite);
    }

    private static double relative(double value, BigDecimal reference) {
        return new BigDecimal(value).subtract(reference).abs().divide(reference, MathContext.DECIMAL64).doubleValue();
    }
}
