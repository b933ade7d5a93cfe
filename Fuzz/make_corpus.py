#!/usr/bin/env python3
"""Builds the fuzz seed corpora in OUT/{bdc,acs,study}/ (default .build-fuzz/corpus).

Seeds come from the repository (the demo study, the bad-input corpus) and, when present, from the
real files in ../shared/data-real (their first lines only; nothing is copied into the repository).
Each BDC/ACS seed starts with the selector byte the fuzz entry points read (BDC: 0 csv, 1 gzip,
2 zip; ACS: 0 csv, 1 json).
"""
import gzip, io, os, sys, zipfile, glob

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build-fuzz/corpus"))
REAL = os.path.join(ROOT, "..", "shared", "data-real")
BAD = os.path.join(ROOT, "Tests/IngestTests/Fixtures/bad")


def head(path, lines):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return b"".join(f.readline() for _ in range(lines))


def put(kind, name, data):
    os.makedirs(os.path.join(OUT, kind), exist_ok=True)
    with open(os.path.join(OUT, kind, name), "wb") as f:
        f.write(data)


def zipped(data):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("bdc.csv", date_time=(2024, 1, 1, 0, 0, 0)), data)
    return b.getvalue()


bdc = [("demo", head(os.path.join(ROOT, "datasets/demo/bdc_fixed_demo.csv"), 40)),
       ("base", open(os.path.join(BAD, "base/availability.csv"), "rb").read())]
for p in sorted(glob.glob(os.path.join(BAD, "bdc/*.csv"))):
    bdc.append(("bad-" + os.path.basename(p), open(p, "rb").read()))
for p in sorted(glob.glob(os.path.join(REAL, "fcc-bdc-maine/*.csv*"))):
    bdc.append(("real-" + os.path.basename(p).replace(".gz", ""), head(p, 30)))
for name, data in bdc:
    put("bdc", name + ".csv", b"\x00" + data)
for name, data in bdc[:3]:
    put("bdc", name + ".gz", b"\x01" + gzip.compress(data, mtime=0))
    put("bdc", name + ".zip", b"\x02" + zipped(data))

acs = [("demo", head(os.path.join(ROOT, "datasets/demo/acs_blockgroups.csv"), 12)),
       ("base", open(os.path.join(BAD, "base/acs.csv"), "rb").read())]
for p in sorted(glob.glob(os.path.join(BAD, "acs/*.csv"))):
    acs.append(("bad-" + os.path.basename(p), open(p, "rb").read()))
for p in sorted(glob.glob(os.path.join(REAL, "acs-maine-s2802/*.csv"))):
    acs.append(("real-" + os.path.basename(p), head(p, 12)))
for name, data in acs:
    put("acs", name, b"\x00" + data)
api = os.path.join(ROOT, "Tests/IngestTests/Fixtures/census_api_tracts.json")
if os.path.exists(api):
    put("acs", "census-api.json", b"\x01" + open(api, "rb").read()[:4000])

put("study", "demo.toml", open(os.path.join(ROOT, "datasets/demo/study.toml"), "rb").read())
for p in sorted(glob.glob(os.path.join(BAD, "study/*.toml"))) + [os.path.join(BAD, "base/study.toml")]:
    put("study", os.path.basename(os.path.dirname(p)) + "-" + os.path.basename(p), open(p, "rb").read())
# Every numeric key at the edge of its range (README, "Study values"), for the business-case check.
base = open(os.path.join(BAD, "base/study.toml"), "rb").read()
put("study", "edges.toml", base + b"""
[demand]
take_rate = 1.0
unserved_uplift = 10.0
price_elasticity = -10.0
reference_income = 1.0
household_growth = 0.5
bass_p = 1.0
bass_q = 5.0
churn = 0.0
[cost]
construction_cost_index = 10.0
underground_per_foot = 1000000.0
aerial_per_foot = 1000000.0
route_factor = 10.0
drop_and_ont = 1000000.0
electronics_per_subscriber = 1000000.0
contingency = 5.0
[finance]
arpu = 1000000.0
price_change = 0.5
opex_fixed_year = 1000000000.0
discount_rate = -0.5
horizon_years = 100
bond_rate = -0.5
bond_term_years = 100
[plan]
capital_budget = 1e12
[scenarios.w]
kind = "wholesale"
wholesale_per_subscriber_month = 1000000.0
bond_share = 5e-324
""")
print(OUT)
