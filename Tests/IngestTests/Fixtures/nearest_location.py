#!/usr/bin/env python3
# The location of a locations file (location_id, latitude, longitude) nearest a position, by the haversine
# great-circle distance on the IUGG mean radius; prints "id metres" (metres rounded), or "none" when no
# location is within the distance given (metres).
import csv, math, sys
path, lat, lon, limit = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
def haversine(a_lat, a_lon, b_lat, b_lon):
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(h))
best = None
for r in csv.DictReader(open(path, newline='')):
    d = haversine(lat, lon, float(r['latitude']), float(r['longitude']))
    if d <= limit and (best is None or (d, int(r['location_id'])) < best):
        best = (d, int(r['location_id']))
print('none' if best is None else '%d %.0f' % (best[1], best[0]))
