#!/usr/bin/env python3
# Independent provider landscape with the csv module: per provider_id, distinct locations; locations
# where it advertises >= 25/3 and >= 100/20; locations its records serve under bead-2022 (tech 10/40/50/71/72,
# low_latency 1, >= 100/20); the most frequent brand; max speeds. Prints one line per provider, most locations first.
# With a second argument (a locations file with a location_id column), only the locations it lists count
# (the brand label still counts every row).
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
listed = None
if len(sys.argv) > 2:
    listed = {r['location_id'] for r in csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8'))}
locs = collections.defaultdict(set); a25 = collections.defaultdict(set); a100 = collections.defaultdict(set)
served = collections.defaultdict(set); brands = collections.defaultdict(collections.Counter); top = {}
for r in rows:
    p = r['provider_id']; l = r['location_id']
    t = int(r.get('technology_code') or r.get('technology'))
    d = float(r['max_advertised_download_speed'] or 0); u = float(r['max_advertised_upload_speed'] or 0)
    brands[p][r['brand_name']] += 1
    if listed is not None and l not in listed: continue
    locs[p].add(l)
    if d >= 25 and u >= 3: a25[p].add(l)
    if d >= 100 and u >= 20: a100[p].add(l)
    if t in (10, 40, 50, 71, 72) and r['low_latency'] == '1' and d >= 100 and u >= 20: served[p].add(l)
    md, mu = top.get(p, (0, 0)); top[p] = (max(md, d), max(mu, u))
for p in sorted(locs, key=lambda p: (-len(locs[p]), p)):
    label = sorted(brands[p].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    print(p, len(locs[p]), len(a25[p]), len(a100[p]), len(served[p]), '%g/%g' % top[p], '|', label)
