#!/usr/bin/env python3
# Writes a locations file (location_id,block_geoid) listing every other location of a BDC availability
# CSV, by ascending location id, with the block of its first row: a universe that leaves half out.
import csv, sys
blocks = {}
for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')):
    blocks.setdefault(int(r['location_id']), r.get('block_geoid') or r.get('block_fips'))
with open(sys.argv[2], 'w', newline='') as out:
    w = csv.writer(out, lineterminator='\n')
    w.writerow(['location_id', 'block_geoid'])
    for i, l in enumerate(sorted(blocks)):
        if i % 2 == 0:
            w.writerow([l, blocks[l]])
