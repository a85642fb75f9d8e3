#!/usr/bin/env python3
"""Writes N option rows for the CLI throughput run: ETH-like spot 2000, strikes 0.5-2x on a 25 grid,
expiries 1 day to 1 year, vol 30-150%. Usage: option_rows.py 1000000 > rows.csv"""
import random
import sys

random.seed(1)
count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.stdout
out.write("type,spot,strike,expiry,rate,dividend,vol\n")
for _ in range(count):
    kind = random.choice(("call", "put"))
    strike = round(2000 * random.uniform(0.5, 2.0) / 25) * 25
    expiry = random.choice((1, 7, 30, 90, 180, 365)) / 365
    out.write(f"{kind},2000,{strike},{expiry:.6f},0.05,0,{random.uniform(0.3, 1.5):.4f}\n")
