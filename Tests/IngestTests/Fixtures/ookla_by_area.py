#!/usr/bin/env python3
# Independent per-area sums of Ookla tiles with the json module: a tile (a lon/lat rectangle) belongs to
# the first area, in file order, whose polygons contain its centre (even-odd rule over every ring). Prints
# one line per area in file order: "GEOID tiles tests devices mean_download_mbps" (tests-weighted, 6 decimals).
import json, sys
tiles = json.load(open(sys.argv[1]))['features']
areas = json.load(open(sys.argv[2]))['features']
id_field = sys.argv[3]
def polygons(g):
    return [g['coordinates']] if g['type'] == 'Polygon' else g['coordinates']
def inside(x, y, rings):
    c = False
    for ring in rings:
        j = len(ring) - 1
        for i in range(len(ring)):
            (xi, yi), (xj, yj) = ring[i][:2], ring[j][:2]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                c = not c
            j = i
    return c
shapes = []
for a in areas:
    ps = polygons(a['geometry'])
    xs = [p[0] for poly in ps for ring in poly for p in ring]; ys = [p[1] for poly in ps for ring in poly for p in ring]
    shapes.append((str(a['properties'][id_field]), ps, (min(xs), min(ys), max(xs), max(ys))))
sums = {s[0]: [0, 0, 0, 0.0] for s in shapes}
for t in tiles:
    ring = t['geometry']['coordinates'][0]
    xs = [p[0] for p in ring]; ys = [p[1] for p in ring]
    x, y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    for gid, ps, (x0, y0, x1, y1) in shapes:
        if x0 <= x <= x1 and y0 <= y <= y1 and any(inside(x, y, poly) for poly in ps):
            p = t['properties']; s = sums[gid]
            s[0] += 1; s[1] += p['tests']; s[2] += p['devices']; s[3] += p['tests'] * p['avg_d_kbps']
            break
for gid, _, _ in shapes:
    n, tests, devices, down = sums[gid]
    print(gid, n, tests, devices, '%.6f' % (down / tests / 1000) if tests else '-')
