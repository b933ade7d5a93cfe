#!/usr/bin/env python3
# Independent per-location classes under bead-2022 with the csv module: prints "location_id class"
# for every location of the given BDC CSV files (best class over its records; tech 10/40/50/71/72,
# low_latency 1, speeds given; unserved < 25/3, underserved < 100/20, else served).
import csv, sys
best = {}
for path in sys.argv[1:]:
    for r in csv.DictReader(open(path, newline='', encoding='utf-8')):
        t = int(r.get('technology_code') or r.get('technology')); c = 0
        d, u = r['max_advertised_download_speed'], r['max_advertised_upload_speed']
        if t in (10, 40, 50, 71, 72) and r['low_latency'] == '1' and d != '' and u != '':
            d, u = float(d), float(u)
            c = 0 if d < 25 or u < 3 else (1 if d < 100 or u < 20 else 2)
        best[r['location_id']] = max(best.get(r['location_id'], 0), c)
for k in sorted(best, key=int):
    print(k, ('unserved', 'underserved', 'served')[best[k]])
