#!/usr/bin/env python3
"""The no-internet share's margin of error per area of a data.census.gov B28002 table, by the ACS
handbook's proportion formula (Census Bureau, Understanding and Using ACS Data, 2020, ch. 8), written
independently of Lastmile: prints "geoid moe cv" (6 decimals), one line per area with a nonzero share
(a row repeated word for word counts once)."""
import csv
import math
import sys

with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
seen = set()
for row in rows[1:]:  # the second row holds the labels
    if row["GEO_ID"] in seen:
        continue
    seen.add(row["GEO_ID"])
    x, mx = float(row["B28002_013E"]), float(row["B28002_013M"])
    y, my = float(row["B28002_001E"]), float(row["B28002_001M"])
    if y == 0 or x == 0:
        continue
    p = x / y
    d = mx * mx - p * p * my * my
    moe = math.sqrt(d if d >= 0 else mx * mx + p * p * my * my) / y
    print(row["GEO_ID"].split("US")[1], f"{moe:.6f}", f"{moe / 1.645 / p:.6f}")
