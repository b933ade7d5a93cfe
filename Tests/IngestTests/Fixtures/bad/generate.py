#!/usr/bin/env python3
"""Regenerates the bad-input corpus in this folder (deterministic; no real data is copied).

base/: a tiny valid study (2 synthetic block groups of the demo county, 5 availability rows, ACS).
Every other file is one malformed input; cases.tsv says how `lastmile` is called on it, the exit
code expected and a message fragment that must appear on stderr. Run: python3 generate.py
"""
import gzip, io, json, os, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "../../../../datasets/demo")

HEADER = "frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id"
ROWS = [
    "0000000001,900001,Synthetic Fiber,1001,50,1000,1000,1,R,ME,239900001001001,882a1b16f5fffff",
    "0000000002,900002,Synthetic DSL,1002,10,10,1,1,R,ME,239900001001002,882a1b16f5fffff",
    "0000000003,900003,Synthetic Cable,1003,40,100,20,1,X,ME,239900001002001,882a1b16f5fffff",
    "0000000004,900004,Synthetic Wireless,1004,71,50,5,1,R,ME,239900001002002,882a1b16f5fffff",
    "0000000005,900005,Synthetic Sky,1005,60,100,20,0,R,ME,239900001002003,882a1b16f5fffff",
]


def write(name, data, mode="w"):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode + ("b" if isinstance(data, bytes) else ""), **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)


def csv(rows, header=HEADER):
    return header + "\n" + "".join(r + "\n" for r in rows)


def replace_field(row, index, value):
    f = row.split(",")
    f[index] = value
    return ",".join(f)


def feature(geoid, ring, name=None):
    return {"type": "Feature", "properties": {"GEOID": geoid, "NAMELSAD": name or ("Block Group " + geoid[-1])},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def collection(features, crs="urn:ogc:def:crs:OGC:1.3:CRS84"):
    fc = {"type": "FeatureCollection", "name": "areas"}
    if crs:
        fc["crs"] = {"type": "name", "properties": {"name": crs}}
    fc["features"] = features
    return json.dumps(fc, indent=1) + "\n"


SQUARE_A = [[-69.85, 43.82], [-69.84, 43.82], [-69.84, 43.83], [-69.85, 43.83], [-69.85, 43.82]]
SQUARE_B = [[-69.84, 43.82], [-69.83, 43.82], [-69.83, 43.83], [-69.84, 43.83], [-69.84, 43.82]]
BOWTIE = [[-69.84, 43.82], [-69.83, 43.83], [-69.83, 43.82], [-69.84, 43.83], [-69.84, 43.82]]

# --- base study -------------------------------------------------------------------------------
write("base/availability.csv", csv(ROWS))
write("base/areas.geojson", collection([feature("239900001001", SQUARE_A), feature("239900001002", SQUARE_B)]))
with open(os.path.join(DEMO, "acs_blockgroups.csv"), encoding="utf-8-sig") as f:
    acs_lines = f.read().splitlines()
acs_header, acs_labels = acs_lines[0], acs_lines[1]
acs_rows = [l for l in acs_lines[2:] if l.startswith('"1500000US23990000100')][:2]
write("base/acs.csv", "\n".join([acs_header, acs_labels] + acs_rows) + "\n")
write("base/study.toml", """[study]
name = "Bad input base"
area_level = "blockgroup"
synthetic = true

[inputs]
areas = "areas.geojson"
availability = ["availability.csv"]
demographics = "acs.csv"
""")

# --- availability (BDC) -----------------------------------------------------------------------
write("bdc/empty.csv", "")
write("bdc/header-only.csv", HEADER + "\n")
write("bdc/missing-block-geoid.csv", csv([",".join(r.split(",")[:10] + r.split(",")[11:]) for r in ROWS],
                                         header=HEADER.replace(",block_geoid", "")))
write("bdc/renamed-speed-column.csv", csv(ROWS, header=HEADER.replace("max_advertised_download_speed", "max_download_mbps")))
write("bdc/duplicated-column.csv", csv([r + ",R" for r in ROWS], header=HEADER + ",business_residential_code"))
write("bdc/non-numeric-speed.csv", csv(ROWS[:2] + [replace_field(ROWS[2], 5, "fast")]))
write("bdc/negative-speed.csv", csv(ROWS[:3] + [replace_field(ROWS[3], 6, "-5")]))
write("bdc/block-geoid-14-digits.csv", csv(ROWS[:1] + [replace_field(ROWS[1], 10, "23990000100100")]))
write("bdc/unknown-technology.csv", csv(ROWS[:4] + [replace_field(ROWS[4], 4, "99")]))
write("bdc/unquoted-comma-in-brand.csv", csv(ROWS[:2] + [replace_field(ROWS[2], 2, "Cable, Inc.")]))
write("bdc/unterminated-quote.csv", csv(ROWS[:2] + [replace_field(ROWS[2], 2, '"Cable Inc.')]))
write("bdc/bad-low-latency.csv", csv(ROWS[:1] + [replace_field(ROWS[1], 7, "yes")]))
write("bdc/bad-business-code.csv", csv(ROWS[:1] + [replace_field(ROWS[1], 8, "Q")]))
write("bdc/negative-location-id.csv", csv(ROWS[:1] + [replace_field(ROWS[1], 3, "-7")]))
write("bdc/technology-not-integer.csv", csv([replace_field(ROWS[0], 4, "fiber")]))
write("bdc/non-utf8-header.csv", (HEADER.replace("brand_name", "brand_n\xe4me") + "\n").encode("latin-1")
      + csv(ROWS).split("\n", 1)[1].encode())
write("bdc/non-utf8-brand.csv", csv(ROWS[:2] + [replace_field(ROWS[2], 2, "T\xe9l\xe9c\xe2ble")]).encode("latin-1"))
write("bdc/mixed-vintage-2010-blocks.csv", csv(ROWS[:2] + [replace_field(r, 10, "239900009001001") for r in ROWS[2:]]))
write("bdc/gzip-garbage.csv.gz", bytes((i * 73 + 41) % 256 for i in range(2048)))
gz = gzip.compress(csv(ROWS * 200).encode(), mtime=0)
write("bdc/truncated.csv.gz", gz[: len(gz) // 2])
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
    zi = zipfile.ZipInfo("bdc_fixed.csv", date_time=(2024, 1, 1, 0, 0, 0))
    z.writestr(zi, csv(ROWS * 200), zipfile.ZIP_DEFLATED)
zdata = zbuf.getvalue()
write("bdc/truncated.zip", zdata[: len(zdata) // 2])
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w") as z:
    z.writestr(zipfile.ZipInfo("README.txt", date_time=(2024, 1, 1, 0, 0, 0)), "no CSV in here\n")
write("bdc/zip-without-csv.zip", zbuf.getvalue())
write("bdc/not-a-zip.zip", b"PK\x03\x04 this is not really a zip archive\n")

# --- areas (GeoJSON through GDAL) -------------------------------------------------------------
write("areas/empty-layer.geojson", collection([]))
write("areas/self-intersecting.geojson", collection([feature("239900001001", SQUARE_A), feature("239900001002", BOWTIE)]))
write("areas/ring-too-short.geojson", collection([feature("239900001001", SQUARE_A),
                                                  feature("239900001002", [[-69.84, 43.82], [-69.83, 43.82], [-69.84, 43.82]])]))
write("areas/unknown-crs.geojson", collection([feature("239900001001", SQUARE_A)], crs="urn:ogc:def:crs:EPSG::990001"))
write("areas/not-json.geojson", "this is not GeoJSON\n")
write("areas/no-geoid-field.geojson", collection([feature("239900001001", SQUARE_A)]).replace('"GEOID"', '"AREA_KEY"'))
write("areas/tract-geoids.geojson", collection([feature("23990000100", SQUARE_A)]))
write("areas/duplicate-geoid.geojson", collection([feature("239900001001", SQUARE_A), feature("239900001001", SQUARE_B)]))
point = feature("239900001001", SQUARE_A)
point["geometry"] = {"type": "Point", "coordinates": [-69.85, 43.82]}
write("areas/point-geometry.geojson", collection([point]))
write("areas/mixed-vintage-2010.geojson", collection([feature("239900009001", SQUARE_A), feature("239900009002", SQUARE_B)]))

# --- demographics (ACS) -----------------------------------------------------------------------
write("acs/no-geography-column.csv", "\n".join([acs_header.replace('"GEO_ID"', '"GEOGRAPHY"')] + acs_rows) + "\n")
write("acs/non-numeric-estimate.csv", "\n".join([acs_header, acs_labels, acs_rows[0].replace('"102"', '"many"', 1)]) + "\n")
write("acs/bad-geo-id.csv", "\n".join([acs_header, acs_labels, acs_rows[0].replace("1500000US", "XX", 1)]) + "\n")
write("acs/empty.csv", "")

# --- study files (TOML) -----------------------------------------------------------------------
BASE = open(os.path.join(HERE, "base/study.toml"), encoding="utf-8").read().replace('"areas.geojson"', '"../base/areas.geojson"') \
    .replace('["availability.csv"]', '["../base/availability.csv"]').replace('"acs.csv"', '"../base/acs.csv"')
write("study/toml-syntax-error.toml", BASE.replace('area_level = "blockgroup"', 'area_level = "blockgroup'))
write("study/unknown-key.toml", BASE.replace("[inputs]", "[inputs]\navailabilty = []"))
write("study/non-utf8.toml", BASE.replace("Bad input base", "Bad input b\xe4se").encode("latin-1"))
write("study/wrong-type.toml", BASE.replace('area_level = "blockgroup"', "area_level = 12"))
write("study/unknown-level.toml", BASE.replace('area_level = "blockgroup"', 'area_level = "parish"'))
write("study/no-availability-match.toml", BASE.replace('["../base/availability.csv"]', '["../base/bdc_*.csv"]'))
write("study/missing-areas-file.toml", BASE.replace('"../base/areas.geojson"', '"../base/nowhere.geojson"'))
write("study/missing-name.toml", BASE.replace('name = "Bad input base"\n', ""))
write("study/bad-paper.toml", BASE + '\n[report]\npaper = "napkin"\n')
# Found by the study-file fuzzer: toml++ aborted on a table header without a key.
write("study/toml-header-without-key.toml", '[,yutd]\nname = "Bad input base"\n')

# Issue 10: a file that is not what its name says, control bytes in data, a line over 1 MiB (gzip keeps
# the fixture small), an ACS table without data rows, another application's SQLite file as run store.
write("bdc/passwd-not-bdc.csv", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")
write("bdc/escape-in-technology.csv", csv(ROWS[:1] + [replace_field(ROWS[1], 4, "5\x1b[31m0")]))
write("bdc/line-over-1mib.csv.gz", gzip.compress(csv(ROWS[:2] + ["9" * ((1 << 20) + 1)]).encode(), mtime=0))
write("acs/no-data-rows.csv", "\n".join([acs_header, acs_labels]) + "\n")
foreign = os.path.join(HERE, "store/foreign.sqlite")
os.makedirs(os.path.dirname(foreign), exist_ok=True)
if os.path.exists(foreign):
    os.remove(foreign)
import sqlite3
with sqlite3.connect(foreign) as db:
    db.execute("CREATE TABLE parcels (id INTEGER PRIMARY KEY, owner TEXT)")
    db.execute("INSERT INTO parcels VALUES (1, 'County assessor')")
db.close()

# Issue 13: the location-level inputs (a Fabric-layout universe, funded locations, anchor institutions,
# bead-2025's demonstrated unlicensed fixed wireless), each missing or misusing a column.
write("locations/no-block-column.csv", "location_id,latitude,longitude\n1001,43.9,-69.8\n")
write("locations/funded-no-location-id.csv", "id,program\n1001,RDOF\n")
write("locations/cai-unknown-type.csv", "type,entity_name,location_id\nX,Somewhere,1001\n")
write("locations/ulfw-bad-location-id.csv", "location_id\nabc\n")

