package io.backstop.pricing.surface;

import java.util.List;
import java.util.stream.Collectors;

/** A set of smiles that admits static arbitrage and so cannot make a {@link VolatilitySurface}. */
public final class VolatilityArbitrageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ArbitrageViolation> violations;

    VolatilityArbitrageException(List<ArbitrageViolation> violations) {
        super("volatility surface admits static arbitrage: "
                + violations.stream().map(ArbitrageViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /**
     * What was found, the worst point per kind and expiry.
     *
     * @return the violations
     */
    public List<ArbitrageViolation> violations() {
        return violations;
    }
}
