#!/usr/bin/env python3
# Independent BEAD (bead-2022) counts per GEOID prefix with the csv module, for the expected values of
# the real-data tests: python3 bead_counts.py LEVEL_DIGITS FILE.csv|FILE.zip …  (prints area locations
# unserved underserved served, then the totals).
import csv, io, sys, zipfile, collections
# NTIA BEAD (bead-2022): tech in {10,40,50,71,72}; unserved if low_latency!=1 or speed missing or <25/3; underserved <100/20; else served.
# location's class = best over its records; a location present with no qualifying record is unserved.
def classify(rows):
    best = {}
    block = {}
    for r in rows:
        loc = r['location_id']; b = r.get('block_fips') or r.get('block_geoid')
        block.setdefault(loc, b)
        t = int(r.get('technology_code') or r.get('technology'))
        cls = 0
        if t in (10,40,50,71,72):
            d, u, ll = r['max_advertised_download_speed'], r['max_advertised_upload_speed'], r['low_latency']
            if ll != '1' or d == '' or u == '': cls = 0
            else:
                d=float(d); u=float(u)
                cls = 0 if (d<25 or u<3) else (1 if (d<100 or u<20) else 2)
        best[loc] = max(best.get(loc, 0), cls)
    return best, block
def rows_of(path):
    if path.endswith('.zip'):
        z = zipfile.ZipFile(path)
        for n in z.namelist():
            if n.endswith('.csv'):
                yield from csv.DictReader(io.TextIOWrapper(z.open(n), encoding='utf-8'))
    else:
        yield from csv.DictReader(open(path, newline='', encoding='utf-8'))
level = int(sys.argv[1])
allrows = (r for p in sys.argv[2:] for r in rows_of(p))
best, block = classify(allrows)
agg = collections.defaultdict(lambda: [0,0,0,0])
for loc, c in best.items():
    a = agg[block[loc][:level]]
    a[0]+=1; a[1+c]+=1
tot=[0,0,0,0]
for k in sorted(agg):
    print(k, *agg[k]); tot=[x+y for x,y in zip(tot,agg[k])]
print('total', *tot)
