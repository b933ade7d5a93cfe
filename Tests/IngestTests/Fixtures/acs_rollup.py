#!/usr/bin/env python3
# Independent county roll-up of the S2802 tract table (ACS handbook, "Calculating Measures of Error for
# Derived Estimates"): estimates summed over distinct tracts; MOE = sqrt(sum of squared MOEs), counting
# among zero estimates only the largest MOE. Prints county, then estimate/MOE for C01, C02, C04, C06 (_001).
import csv, math, sys, collections
path = sys.argv[1]
rows = list(csv.reader(open(path, encoding='utf-8-sig', newline='')))
h = rows[0]
codes = ['S2802_C01_001', 'S2802_C02_001', 'S2802_C04_001', 'S2802_C06_001']
seen = {}
for r in rows[2:]:
    seen.setdefault(r[0], r)              # duplicates dropped (identical rows in this file)
by = collections.defaultdict(list)
for geo, r in seen.items():
    by[geo[-11:][:5]].append(r)
for county in sorted(by):
    out = [county]
    for c in codes:
        e = [float(r[h.index(c + 'E')]) for r in by[county]]
        m = [float(r[h.index(c + 'M')]) for r in by[county]]
        zeros = [mm for ee, mm in zip(e, m) if ee == 0]
        sq = sum(mm * mm for ee, mm in zip(e, m) if ee != 0) + (max(zeros) ** 2 if zeros else 0)
        out += [int(sum(e)), round(math.sqrt(sq), 4)]
    print(*out)
