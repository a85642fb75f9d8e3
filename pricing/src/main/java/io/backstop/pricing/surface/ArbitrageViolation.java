package io.backstop.pricing.surface;

/**
 * One point where a surface admits static arbitrage.
 *
 * @param kind           calendar (total variance falls with expiry) or butterfly (negative density)
 * @param expiry         the expiry of the smile at fault (the later one, for calendar arbitrage)
 * @param logMoneyness   where it happens
 * @param measure        by how much: the variance decrease, or Durrleman's g (negative)
 */
public record ArbitrageViolation(Kind kind, double expiry, double logMoneyness, double measure) {

    /** The two kinds of static arbitrage a surface is checked for. */
    public enum Kind {
        /** w(k, T₂) &lt; w(k, T₁) for T₁ &lt; T₂: a calendar spread with negative cost. */
        CALENDAR,
        /** Durrleman's g(k) &lt; 0: a butterfly spread with negative cost. */
        BUTTERFLY
    }

    @Override
    public String toString() {
        return kind == Kind.CALENDAR
                ? String.format("calendar arbitrage at T=%s, k=%s: total variance falls by %s", expiry, logMoneyness,
                        measure)
                : String.format("butterfly arbitrage at T=%s, k=%s: Durrleman's g = %s", expiry, logMoneyness, measure);
    }
}
