#!/usr/bin/env python3
"""Reads results.gpkg's layer_styles back through GDAL (ogr2ogr to CSV on stdout), parses the default
style's QML, and checks its classes against an independent calculation from results.csv: the quantile
breaks of unserved_or_underserved_share (linear interpolation between order statistics, as numpy's
percentile and mapclassify's Quantiles compute them) for 5 classes.

Prints one line per QML range: "label|#rrggbb|upper|python_upper", then the style names.

usage: gpkg_styles.py results.gpkg results.csv
"""
import csv, io, subprocess, sys
import xml.etree.ElementTree as ET

gpkg, results = sys.argv[1:3]
out = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", gpkg, "layer_styles"],
                     check=True, capture_output=True, text=True).stdout
styles = list(csv.DictReader(io.StringIO(out)))
default = [s for s in styles if s["useAsDefault"] in ("1", "true", "True")]
assert len(default) == 1, f"expected one default style, found {len(default)}"
qml = ET.fromstring(default[0]["styleQML"].split("\n", 1)[1])  # drop the DOCTYPE line
renderer = qml.find("renderer-v2")
assert renderer.get("type") == "graduatedSymbol" and renderer.get("attr") == "unserved_or_underserved_share"
colors = {}
for symbol in renderer.find("symbols"):
    rgba = symbol.find("layer/Option/Option[@name='color']").get("value").split(",")
    colors[symbol.get("name")] = "#" + "".join(f"{int(v):02x}" for v in rgba[:3])

values = sorted(float(r["unserved_or_underserved_share"]) for r in csv.DictReader(open(results))
                if r["unserved_or_underserved_share"] != "")
def percentile(p):
    idx = p / 100 * (len(values) - 1)
    lo = int(idx)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (idx - lo)
expected = [percentile(100 * (k + 1) / 5) for k in range(5)]
for r, e in zip(renderer.find("ranges"), expected):
    print(f"{r.get('label')}|{colors[r.get('symbol')]}|{float(r.get('upper')):.12f}|{e:.12f}")
print("styles:" + ";".join(s["styleName"] for s in styles))
