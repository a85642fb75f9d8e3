#!/usr/bin/env python3
"""High-precision Black-Scholes-Merton reference prices for the pricing tests.

Every input is a double, written with repr() so Java parses back the very same double; every price is computed
from those exact binary values with mpmath at 60 significant digits and checked against a second evaluation at
100 digits, against put-call parity, and against published values (Haug via QuantLib's test suite, Hull).

Run:  python3 pricing/src/test/python/bsm_reference.py > pricing/src/test/resources/io/backstop/pricing/bsm-reference.csv
"""
import itertools
import sys

import mpmath as mp


def bsm(kind, spot, strike, expiry, rate, dividend, vol, digits):
    with mp.workdps(digits):
        S, K, T, r, q, v = (mp.mpf(a) for a in (spot, strike, expiry, rate, dividend, vol))
        sqrt_t = mp.sqrt(T)
        d1 = (mp.log(S / K) + (r - q + v * v / 2) * T) / (v * sqrt_t)
        d2 = d1 - v * sqrt_t
        cdf = lambda z: mp.erfc(-z / mp.sqrt(2)) / 2
        spot_leg = S * mp.exp(-q * T)
        strike_leg = K * mp.exp(-r * T)
        if kind == "call":
            # Out of the money the two terms cancel; 60 digits leave ample room and the 100-digit rerun proves it.
            return spot_leg * cdf(d1) - strike_leg * cdf(d2)
        return strike_leg * cdf(-d2) - spot_leg * cdf(-d1)


def self_check():
    # Haug (1998) as tabulated in QuantLib's test-suite/europeanoption.cpp, and Hull's textbook example.
    anchors = [
        (("call", 60.0, 65.0, 0.25, 0.08, 0.0, 0.30), 2.1334),
        (("put", 100.0, 95.0, 0.5, 0.10, 0.05, 0.20), 2.4648),
        (("call", 100.0, 100.0, 0.1, 0.10, 0.10, 0.15), 1.8734),
        (("call", 42.0, 40.0, 0.5, 0.10, 0.0, 0.20), 4.7594),
        (("put", 42.0, 40.0, 0.5, 0.10, 0.0, 0.20), 0.8086),
    ]
    for args, expected in anchors:
        got = bsm(*args, digits=60)
        assert abs(got - expected) < 1e-4, (args, got, expected)  # QuantLib tests these with tolerance 1e-4
    # Put-call parity at high precision.
    for S, K, T, r, q, v in [(100.0, 37.0, 2.0, 0.03, 0.01, 0.4), (2000.0, 2400.0, 30 / 365, 0.05, 0.0, 0.8)]:
        with mp.workdps(60):
            c = bsm("call", S, K, T, r, q, v, 60)
            p = bsm("put", S, K, T, r, q, v, 60)
            parity = mp.mpf(S) * mp.exp(-mp.mpf(q) * T) - mp.mpf(K) * mp.exp(-mp.mpf(r) * T)
            assert abs((c - p) - parity) < mp.mpf(10) ** -50, (S, K)


def grid():
    spot = 100.0
    moneyness = [0.2, 0.35, 0.5, 0.7, 0.85, 0.95, 0.99, 1.0, 1.01, 1.05, 1.2, 1.5, 2.0, 3.0, 5.0]
    expiries = [1 / 365, 7 / 365, 30 / 365, 0.25, 0.5, 1.0, 2.0, 5.0]
    vols = [0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3.0]
    carries = [(0.0, 0.0), (0.05, 0.02), (-0.01, 0.03)]
    for kind, m, t, v, (r, q) in itertools.product(("call", "put"), moneyness, expiries, vols, carries):
        yield kind, spot, spot * m, t, r, q, v


def main():
    self_check()
    out = sys.stdout
    out.write("type,spot,strike,expiry,rate,dividend,vol,price\n")
    for kind, S, K, T, r, q, v in grid():
        price = bsm(kind, S, K, T, r, q, v, 60)
        check = bsm(kind, S, K, T, r, q, v, 100)
        if price != 0:
            assert abs(price - check) <= abs(check) * mp.mpf(10) ** -40, (kind, S, K, T, r, q, v)
        text = mp.nstr(price, 30, min_fixed=0, max_fixed=0) if price != 0 else "0"
        out.write(",".join([kind, repr(S), repr(K), repr(T), repr(r), repr(q), repr(v), text]) + "\n")


if __name__ == "__main__":
    main()
