#!/usr/bin/env python3
# Expected per-county adoption figures of one state, read with the csv module from the Census
# covered-populations table and Microsoft's usage file. Prints, by county FIPS:
# "FIPS covered_population covered_share no_fixed_bb_share_fcc no_bb_or_computer_share usage availability"
# (shares as 0-1 with 6 decimals, "-" where the file has none).
import csv, sys
covered, usage, state = sys.argv[1], sys.argv[2], sys.argv[3]
def share(text, scale):
    text = text.strip()
    return '-' if text in ('', '-') else '%.6f' % (float(text) / scale)
cov = {r['geo_id'][:5]: r for r in csv.DictReader(open(covered, newline='', encoding='utf-8-sig'))}
ms = {}
for r in csv.reader(open(usage, newline='')):
    if r[0] == state:
        ms['%05d' % int(r[1])] = (share(r[4], 1), share(r[3], 1))
for fips in sorted(ms):
    r = cov[fips]
    print(fips, r['tot_cov_pop'], share(r['pct_tot_cov_pop'], 100), share(r['pct_no_fixed_bb_pop_fcc'], 100),
          share(r['pct_no_bb_or_computer_pop'], 100), *ms[fips])
