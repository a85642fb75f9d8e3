package io.backstop.pricing;

/**
 * Delbourgo and Gregory's (1985) shape-preserving rational cubic interpolation, as Jäckel uses it for the initial
 * guess of "Let's Be Rational": a cubic over a quadratic through two points with given slopes, whose control
 * parameter r is chosen to match a second derivative at one end while keeping the curve convex or monotone.
 */
final class RationalCubic {

    private static final double EPSILON = Math.ulp(1.0);
    static final double MINIMUM_CONTROL = -(1 - Math.sqrt(EPSILON));
    static final double MAXIMUM_CONTROL = 2 / (EPSILON * EPSILON);

    private RationalCubic() {
    }

    static double interpolate(double x, double xL, double xR, double yL, double yR, double dL, double dR, double r) {
        double h = xR - xL;
        if (Math.abs(h) <= 0) {
            return 0.5 * (yL + yR);
        }
        double t = (x - xL) / h;
        if (!(r >= MAXIMUM_CONTROL)) {
            double omt = 1 - t;
            double t2 = t * t;
            double omt2 = omt * omt;
            return (yR * t2 * t + (r * yR - h * dR) * t2 * omt + (r * yL + h * dL) * t * omt2 + yL * omt2 * omt)
                    / (1 + (r - 3) * t * omt);
        }
        return yR * t + yL * (1 - t); // linear, without overflow
    }

    static double convexControlFittingLeft(double xL, double xR, double yL, double yR, double dL, double dR,
            double secondDerivativeL, boolean preferShapePreservation) {
        double h = xR - xL;
        double numerator = 0.5 * h * secondDerivativeL + (dR - dL);
        double denominator = (yR - yL) / h - dL;
        double r = control(numerator, denominator);
        return Math.max(r, minimumControl(dL, dR, (yR - yL) / h, preferShapePreservation));
    }

    static double convexControlFittingRight(double xL, double xR, double yL, double yR, double dL, double dR,
            double secondDerivativeR, boolean preferShapePreservation) {
        double h = xR - xL;
        double numerator = 0.5 * h * secondDerivativeR + (dR - dL);
        double denominator = dR - (yR - yL) / h;
        double r = control(numerator, denominator);
        return Math.max(r, minimumControl(dL, dR, (yR - yL) / h, preferShapePreservation));
    }

    private static double control(double numerator, double denominator) {
        if (isZero(numerator)) {
            return 0;
        }
        if (isZero(denominator)) {
            return numerator > 0 ? MAXIMUM_CONTROL : MINIMUM_CONTROL;
        }
        return numerator / denominator;
    }

    /** The smallest r that keeps the interpolant monotone (3.8) and convex or concave (3.18) where the data are. */
    private static double minimumControl(double dL, double dR, double slope, boolean preferShapePreservation) {
        boolean monotonic = dL * slope >= 0 && dR * slope >= 0;
        boolean convex = dL <= slope && slope <= dR;
        boolean concave = dL >= slope && slope >= dR;
        if (!monotonic && !convex && !concave) {
            return MINIMUM_CONTROL;
        }
        double r1 = -Double.MAX_VALUE;
        double r2 = r1;
        if (monotonic) {
            if (!isZero(slope)) {
                r1 = (dR + dL) / slope;
            } else if (preferShapePreservation) {
                r1 = MAXIMUM_CONTROL;
            }
        }
        if (convex || concave) {
            double sMinusDl = slope - dL;
            double dRMinusS = dR - slope;
            if (!(isZero(sMinusDl) || isZero(dRMinusS))) {
                r2 = Math.max(Math.abs((dR - dL) / dRMinusS), Math.abs((dR - dL) / sMinusDl));
            } else if (preferShapePreservation) {
                r2 = MAXIMUM_CONTROL;
            }
        } else if (monotonic && preferShapePreservation) {
            r2 = MAXIMUM_CONTROL;
        }
        return Math.max(MINIMUM_CONTROL, Math.max(r1, r2));
    }

    private static boolean isZero(double x) {
        return Math.abs(x) < Double.MIN_NORMAL;
    }
}
