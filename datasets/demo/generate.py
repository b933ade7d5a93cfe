#!/usr/bin/env python3
"""Generate the SYNTHETIC demo study data for `lastmile demo`.

Everything this script writes is made up: "Demo County (synthetic)" is a fictional county placed on
the Maine coast (state FIPS 23, county code 990, which no real county uses), and every provider, FRN,
provider id, location id and number is invented. Nothing is copied from real FCC, Census or ACS files;
only the file layouts imitate the real ones.

Usage (from the repository root; Python 3 standard library only):

    python3 datasets/demo/generate.py datasets/demo

Deterministic: every random draw comes from one `random.Random(SEED)` (the road network's from a
second `random.Random(ROADS_SEED)`, used last), so the same command writes byte-identical files. Outputs, all in the given folder:

    blockgroups.geojson   54 block groups in 6 tracts (TIGER-like properties), lon/lat CRS84
    acs_blockgroups.csv   ACS 5-year estimates in the data.census.gov CSV layout
    bdc_fixed_demo.csv    FCC BDC fixed availability rows
    locations.csv         the location universe: location_id, latitude, longitude, block_geoid
    roads.geojson         a road centreline network (TIGER/Line-like MTFCC), from its own
                          random.Random(ROADS_SEED) so the files above do not depend on it
    water.geojson         the bay and two ponds (TIGER/Line AREAWATER-like), and
    places.geojson        named places (points), both from a third random.Random(CONTEXT_SEED)

How the geography is built: a 112 x 88 grid of 250 m cells whose corner vertices are jittered
(each vertex moved by up to 0.2 cell), so neighbouring cells share exact vertex coordinates. Sea
cells along a ragged southern coastline are dropped. Tracts and block groups are rectangles of
cells found by splitting the county at equal expected location counts (k-d style), so town block
groups are small and rural ones large; a block group's polygon is the outline of its cells, which
makes block groups tile with shared edges and no gaps or overlaps. Each cell holding locations
is one census block (block number = block group digit + 3 digits).
"""

import csv
import io
import json
import math
import os
import random
import sys

SEED = 20261128

# Mean Earth radius in metres (IUGG), for the local equirectangular approximation.
EARTH_RADIUS_M = 6371008.8
CENTER_LON, CENTER_LAT = -69.9, 43.9
CELL_M = 250.0
NX, NY = 112, 88            # 28 km x 22 km
JITTER = 0.2                # fraction of a cell each vertex may move
STATE_FIPS, COUNTY_FIPS = "23", "990"
COUNTY_NAME = "Demo County (synthetic)"
STATE_NAME = "Maine"
TRACT_COUNT, BLOCK_GROUPS_PER_TRACT = 6, 9

M_PER_DEG_LAT = EARTH_RADIUS_M * math.pi / 180
M_PER_DEG_LON = M_PER_DEG_LAT * math.cos(math.radians(CENTER_LAT))


# ---------------------------------------------------------------- geometry helpers

def to_lonlat(x, y):
    """Metres east/north of the county centre -> (lon, lat), rounded to 6 decimals."""
    return (round(CENTER_LON + x / M_PER_DEG_LON, 6), round(CENTER_LAT + y / M_PER_DEG_LAT, 6))


def ring_area_m2(ring):
    """Shoelace area of a lon/lat ring, projected with the local equirectangular approximation."""
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        ax, ay = (x1 - CENTER_LON) * M_PER_DEG_LON, (y1 - CENTER_LAT) * M_PER_DEG_LAT
        bx, by = (x2 - CENTER_LON) * M_PER_DEG_LON, (y2 - CENTER_LAT) * M_PER_DEG_LAT
        s += ax * by - bx * ay
    return s / 2


def point_in_ring(px, py, ring):
    """Even-odd ray casting."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def trace_outline(cells):
    """The outline of a set of grid cells as one counter-clockwise ring of vertex indices.

    Raises if the cells do not form one simple polygon (several rings: a hole or several parts;
    a vertex used twice: two cells touching only at a corner).
    """
    edges = {}
    for (i, j) in cells:
        corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
        for a, b in zip(corners, corners[1:] + corners[:1]):
            if (b, a) in edges:
                del edges[(b, a)]
            else:
                edges[(a, b)] = True
    following = {}
    for a, b in edges:
        if a in following:
            raise ValueError("cells touch at a corner only (pinched outline)")
        following[a] = b
    start = min(following)
    ring = [start]
    v = following[start]
    while v != start:
        ring.append(v)
        v = following[v]
    if len(ring) != len(following):
        raise ValueError("outline has more than one ring")
    return ring


# ---------------------------------------------------------------- random helpers

def poisson(rng, mean):
    """A Poisson draw (Knuth for small means, rounded normal for large)."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, int(round(rng.gauss(mean, math.sqrt(mean)))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


# ---------------------------------------------------------------- the county

class County:
    def __init__(self, rng):
        self.rng = rng
        # Jittered vertices, metres from the county centre.
        self.vx = [[0.0] * (NY + 1) for _ in range(NX + 1)]
        self.vy = [[0.0] * (NY + 1) for _ in range(NX + 1)]
        for i in range(NX + 1):
            for j in range(NY + 1):
                jx = rng.uniform(-JITTER, JITTER)
                jy = rng.uniform(-JITTER, JITTER)
                self.vx[i][j] = (i - NX / 2 + jx) * CELL_M
                self.vy[i][j] = (j - NY / 2 + jy) * CELL_M
        # A smooth warp (a few long sine waves) bends the straight cell rows and columns so that block
        # group edges meander like roads and streams. Its slope stays well below 1, so cells stay
        # convex quadrilaterals (checked in `check_cells`).
        waves = []
        for _ in range(3):
            theta = rng.uniform(0, math.pi)
            waves.append((rng.uniform(350, 550), rng.uniform(9000, 16000), math.cos(theta), math.sin(theta),
                          rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)))
        for i in range(NX + 1):
            for j in range(NY + 1):
                x, y = self.vx[i][j], self.vy[i][j]
                dx = dy = 0.0
                for amplitude, wavelength, cx, sy, px, py in waves:
                    phase = 2 * math.pi * (x * cx + y * sy) / wavelength
                    dx += amplitude * math.sin(phase + px)
                    dy += amplitude * math.sin(phase + py)
                self.vx[i][j], self.vy[i][j] = x + dx, y + dy
        self.vertex_lonlat = {}

        # Ragged southern coastline: a random walk of the first land row per column, with two inlets
        # (river mouths) and a long peninsula, as on the Maine coast.
        coast = []
        h = 5
        for i in range(NX):
            h = min(12, max(1, h + rng.choice([-2, -1, -1, 0, 0, 1, 1, 2])))
            coast.append(h)
        for lo, hi, depth in ((20, 24, 19), (84, 87, 16)):
            for i in range(lo, hi):
                coast[i] = depth + rng.randint(0, 2)
        for i in range(52, 56):
            coast[i] = 0
        self.coast = coast
        self.land = {(i, j) for i in range(NX) for j in range(NY) if j >= coast[i]}

        # Town centre (harbour town) and a village; distances in km.
        self.town = (70, coast[70] + 16)
        self.village = (26, 62)
        # Hilltop towers of the fixed wireless providers (cell indices).
        self.towers_unlicensed = [(18, 40), (45, 70), (95, 60), (60, 35)]
        self.towers_licensed = [(30, 25), (100, 78), (88, 22)]
        self.towers_lbr = [(80, 45)]

    def check_cells(self):
        """Every land cell must be a convex, counter-clockwise quadrilateral (no fold in the warp)."""
        for (i, j) in self.land:
            quad = [(self.vx[a][b], self.vy[a][b]) for a, b in ((i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1))]
            for k in range(4):
                (x1, y1), (x2, y2), (x3, y3) = quad[k], quad[(k + 1) % 4], quad[(k + 2) % 4]
                if (x2 - x1) * (y3 - y2) - (y2 - y1) * (x3 - x2) <= 0:
                    raise ValueError(f"cell {(i, j)} is not convex")

    def center_m(self, i, j):
        return ((i + 0.5 - NX / 2) * CELL_M, (j + 0.5 - NY / 2) * CELL_M)

    def km_between(self, a, b):
        return math.hypot(a[0] - b[0], a[1] - b[1]) * CELL_M / 1000

    def lonlat(self, v):
        if v not in self.vertex_lonlat:
            i, j = v
            self.vertex_lonlat[v] = to_lonlat(self.vx[i][j], self.vy[i][j])
        return self.vertex_lonlat[v]

    def point_in_cell(self, i, j, u, v):
        """Bilinear point (u, v in 0..1) inside the jittered quadrilateral of cell (i, j), in metres."""
        x00, y00 = self.vx[i][j], self.vy[i][j]
        x10, y10 = self.vx[i + 1][j], self.vy[i + 1][j]
        x01, y01 = self.vx[i][j + 1], self.vy[i][j + 1]
        x11, y11 = self.vx[i + 1][j + 1], self.vy[i + 1][j + 1]
        x = (1 - u) * (1 - v) * x00 + u * (1 - v) * x10 + (1 - u) * v * x01 + u * v * x11
        y = (1 - u) * (1 - v) * y00 + u * (1 - v) * y10 + (1 - u) * v * y01 + u * v * y11
        return x, y

    def expected_locations(self):
        """Expected broadband-serviceable locations per land cell."""
        rng = self.rng
        km2 = (CELL_M / 1000) ** 2
        weights = {}
        for c in sorted(self.land):
            dt = self.km_between(c, self.town)
            dv = self.km_between(c, self.village)
            # Rural: about 5 per km2 with 30 % of cells empty (forest, wetland).
            rural = 0.0 if rng.random() < 0.30 else rng.lognormvariate(math.log(6.0), 0.6)
            shore = 22.0 if c[1] - self.coast[c[0]] < 2 else 0.0
            town = 430.0 * math.exp(-0.5 * (dt / 1.0) ** 2)
            village = 380.0 * math.exp(-0.5 * (dv / 0.45) ** 2)
            weights[c] = (rural + shore + town + village) * km2
        return weights


def split_rect(rect, n, weights):
    """Split a cell rectangle (i0, j0, i1, j1) into n rectangles of about equal weight.

    Both cut directions are tried; the cut that balances the weight with the least elongated
    halves wins (so a dense village does not become a stack of thin strips).
    """
    if n == 1:
        return [rect]
    i0, j0, i1, j1 = rect
    n1 = n // 2
    target = n1 / n
    candidates = []
    for vertical in (True, False):
        lo, hi = (i0, i1) if vertical else (j0, j1)
        if hi - lo < 2:
            continue
        totals = []
        for k in range(lo, hi):
            if vertical:
                totals.append(sum(weights.get((k, j), 0) for j in range(j0, j1)))
            else:
                totals.append(sum(weights.get((i, k), 0) for i in range(i0, i1)))
        whole = sum(totals)
        acc = 0.0
        for k in range(lo + 1, hi):
            acc += totals[k - 1 - lo]
            if vertical:
                a, b = (i0, j0, k, j1), (k, j0, i1, j1)
            else:
                a, b = (i0, j0, i1, k), (i0, k, i1, j1)
            gap = abs(acc / whole - target)
            elongation = max(max(r[2] - r[0], r[3] - r[1]) / min(r[2] - r[0], r[3] - r[1]) for r in (a, b))
            candidates.append((gap + 0.06 * elongation, a, b))
    _, a, b = min(candidates)
    return split_rect(a, n1, weights) + split_rect(b, n - n1, weights)


def components(cells):
    cells = set(cells)
    parts = []
    while cells:
        seed = cells.pop()
        part, stack = {seed}, [seed]
        while stack:
            i, j = stack.pop()
            for n in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if n in cells:
                    cells.remove(n)
                    part.add(n)
                    stack.append(n)
        parts.append(part)
    return sorted(parts, key=lambda p: (-len(p), min(p)))


def build_block_groups(county, weights):
    """Tracts and block groups as cell sets: [(tract_index, cells)]."""
    tracts = split_rect((0, 0, NX, NY), TRACT_COUNT, weights)
    owner = {}
    groups = []
    for t, rect in enumerate(tracts):
        for bg_rect in split_rect(rect, BLOCK_GROUPS_PER_TRACT, weights):
            i0, j0, i1, j1 = bg_rect
            cells = {(i, j) for i in range(i0, i1) for j in range(j0, j1) if (i, j) in county.land}
            if not cells:
                raise ValueError(f"block group rectangle {bg_rect} has no land")
            groups.append([t, cells])
            for c in cells:
                owner[c] = len(groups) - 1
    # A rectangle cut by an inlet can hold several land pieces: give each smaller piece to the
    # neighbouring block group it shares most edges with (same tract first).
    changed = True
    while changed:
        changed = False
        for g, (t, cells) in enumerate(groups):
            parts = components(cells)
            for part in parts[1:]:
                shared = {}
                for (i, j) in part:
                    for n in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                        o = owner.get(n)
                        if o is not None and o != g:
                            shared[o] = shared.get(o, 0) + 1
                if not shared:
                    raise ValueError("an island piece has no neighbour")
                target = max(shared, key=lambda o: (groups[o][0] == t, shared[o], -o))
                cells -= part
                groups[target][1] |= part
                for c in part:
                    owner[c] = target
                changed = True
    return groups


# ---------------------------------------------------------------- providers and availability

# Made-up providers. FRNs are 10-digit text with leading zeros; provider ids 6 digits.
PROVIDERS = {
    "telco":   ("0004417320", "130412", "Casco Bay Telephone Company"),
    "cable":   ("0019872245", "131077", "Kettle Cove Cable"),
    "coop":    ("0027710034", "190233", "Tidewater Electric Cooperative Fiber"),
    "wisp":    ("0023318807", "290518", "Ridgeline Wireless, LLC"),
    "lfw":     ("0031150092", "300144", "Bayview Broadband"),
    "lbr":     ("0035520117", "300871", "Spruce Hill Internet"),
    "gso":     ("0008806311", "130627", "Skyreach Satellite"),
    "ngso":    ("0026043390", "430076", "Orbital Mesh"),
    "other":   ("0037714456", "460022", "Lighthouse Data Services"),
}
PROVIDER_ORDER = ["telco", "cable", "coop", "wisp", "lfw", "lbr", "gso", "ngso", "other"]


def fake_h3(i, j):
    """A plausible-looking 15-hex-digit H3 resolution-8 id (NOT a real H3 cell): one per 4 x 4 cells."""
    block = (i // 4) * 1000 + (j // 4)
    return "88" + format(0x2A100000 + (block * 2654435761) % 0x100000, "08x") + "fffff"


def availability_for(rng, county, loc):
    """Rows (provider key, technology, down, up, low_latency, code) for one location."""
    rows = []
    cell = loc["cell"]
    kind = loc["kind"]                     # 'R' residential, 'B' business only, 'X' both
    dt = county.km_between(cell, county.town)
    dv = county.km_between(cell, county.village)
    in_town = dt < 3.2
    in_village = dv < 0.9
    res_code = "R" if kind == "R" else ("B" if kind == "B" else "X")

    # Copper/DSL from the telephone company: speed falls with distance from the central office.
    d_co = min(dt, dv + 1.0)
    if rng.random() < (0.9 if d_co < 9 else 0.55):
        if d_co < 1.5:
            speed = (50, 10)
        elif d_co < 4:
            speed = (25, 3)
        elif d_co < 8:
            speed = (10, 1)
        else:
            speed = rng.choice([(6, 1), (3, 0.768)])
        rows.append(("telco", 10, speed[0], speed[1], 1, "X"))
    # Telco fibre downtown.
    if dt < 0.7 and rng.random() < 0.6:
        rows.append(("telco", 50, 1000, 1000, 1, "X"))

    # Cable in town and the village.
    if (in_town or in_village) and rng.random() < 0.95:
        if dt > 2.6 and not in_village:
            speed = (100, 10)
        else:
            speed = rng.choices([(1000, 35), (300, 20), (100, 10)], weights=[75, 20, 5])[0]
        rows.append(("cable", 40, speed[0], speed[1], 1, res_code))
        # The cable company's fibre in the newer east side of town.
        if dt < 2.2 and cell[0] > county.town[0] + 1 and rng.random() < 0.5:
            rows.append(("cable", 50, 1000, 1000, 1, res_code))

    # Electric co-op fibre in the rural north-west.
    if cell[0] < 40 and cell[1] > 55 and not in_village and rng.random() < 0.85:
        rows.append(("coop", 50, 1000, 1000, 1, "X" if kind != "B" else "B"))

    # Fixed wireless: coverage falls off with distance from the towers.
    if not in_town:
        for tower in county.towers_unlicensed:
            if county.km_between(cell, tower) < 4.5 and rng.random() < 0.7:
                speed = rng.choices([(25, 3), (50, 10)], weights=[45, 55])[0]
                low = 0 if rng.random() < 0.1 else 1
                if kind != "B":
                    rows.append(("wisp", 70, speed[0], speed[1], low, "R"))
                break
        for tower in county.towers_licensed:
            if county.km_between(cell, tower) < 3.5 and rng.random() < 0.75:
                rows.append(("lfw", 71, 100, 20, 1, "X"))
                break
        for tower in county.towers_lbr:
            if county.km_between(cell, tower) < 4.0 and rng.random() < 0.6:
                speed = rng.choices([(50, 10), (100, 20)], weights=[60, 40])[0]
                rows.append(("lbr", 72, speed[0], speed[1], 1, "X"))
                break

    # Satellite: GSO nearly everywhere (high latency), NGSO widely.
    if rng.random() < 0.985 or not rows:
        rows.append(("gso", 60, 25, 3, 0, "X"))
    if rng.random() < (0.55 if in_town else 0.8):
        rows.append(("ngso", 61, 220, 25, 1, "X"))

    # "Other" technology, rarely: a few downtown businesses.
    if kind != "R" and dt < 0.8 and rng.random() < 0.25:
        rows.append(("other", 0, 50, 50, 1, "B"))
    return rows


def bead_2022_class(rows):
    """NTIA BEAD (2022) class of a location: 0 unserved, 1 underserved, 2 served."""
    best = 0
    for (_, tech, down, up, low, _) in rows:
        if tech not in (10, 40, 50, 71, 72):
            continue
        if low == 0 or down < 25 or up < 3:
            c = 0
        elif down < 100 or up < 20:
            c = 1
        else:
            c = 2
        best = max(best, c)
    return best


# ---------------------------------------------------------------- writers

def fmt_speed(v):
    return str(v) if float(v) != int(v) else str(int(v))


def write_text(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def tract_name(code):
    number = int(code[:4])
    suffix = int(code[4:])
    return f"Census Tract {number}" + (f".{suffix:02d}" if suffix else "")


# ---------------------------------------------------------------- roads (separate random stream)

# The road network draws from its own generator so that adding it changed no other output file.
ROADS_SEED = 20261129


def write_roads(county, out_dir):
    """roads.geojson: a SYNTHETIC TIGER/Line-like road centreline network (MTFCC, FULLNAME, LINEARID).

    Roads run through the centres of land cells: local roads (S1400) on every cell row and column in
    the town core, every 2nd within 2.5 km of the town and 0.8 km of the village, every 3rd within
    4 km, and every 8th row and column in the countryside, missing in a quarter of
    its 1.5 km stretches; arterials (S1200) from the town
    to the village and to the north and east edges; one limited-access highway (S1100) across the
    north with service drives (S1640) beside it; a few vehicular trails (S1500) in the woods.
    """
    rng = random.Random(ROADS_SEED)

    def centre(c):
        i, j = c
        x = (county.vx[i][j] + county.vx[i + 1][j] + county.vx[i + 1][j + 1] + county.vx[i][j + 1]) / 4
        y = (county.vy[i][j] + county.vy[i + 1][j] + county.vy[i + 1][j + 1] + county.vy[i][j + 1]) / 4
        return list(to_lonlat(x, y))

    def spacing(c):
        dt = county.km_between(c, county.town)
        dv = county.km_between(c, county.village)
        if dt < 1.2:
            return 1
        if dt < 2.5 or dv < 0.8:
            return 2
        if dt < 4.0:
            return 3
        return 8

    roads = []  # (mtfcc, name, [cells])

    def add_runs(mtfcc, name, cells):
        run = []
        for c in cells + [None]:
            if c is not None and c in county.land:
                run.append(c)
                continue
            if len(run) >= 2:
                roads.append((mtfcc, name, run))
            run = []

    # Local roads along rows and columns; rural ones broken into pieces with gaps.
    for axis, count, across in (("row", NY, NX), ("column", NX, NY)):
        for k in range(count):
            cells = [(i, k) if axis == "row" else (k, i) for i in range(across)]
            # Rural roads come and go in stretches of 6 cells (1.5 km): a quarter of the stretches have none.
            stretches = [rng.random() > 0.25 for _ in range(across // 6 + 1)]
            kept = []
            for n, c in enumerate(cells):
                step = spacing(c)
                kept.append(c if k % step == 0 and (step < 8 or stretches[n // 6]) else None)
            name = f"{'Town' if axis == 'row' else 'Mill'} Rd {k + 1}"
            add_runs("S1400", name, [c if c is not None else (-1, -1) for c in kept])

    def path(a, b):
        """Cells from a to b along the straight line (Bresenham: 8-connected, diagonal steps allowed)."""
        (i0, j0), (i1, j1) = a, b
        di, dj = abs(i1 - i0), -abs(j1 - j0)
        si, sj = (1 if i1 > i0 else -1), (1 if j1 > j0 else -1)
        err = di + dj
        i, j = i0, j0
        cells = [(i, j)]
        while (i, j) != (i1, j1):
            e2 = 2 * err
            if e2 >= dj:
                err += dj
                i += si
            if e2 <= di:
                err += di
                j += sj
            cells.append((i, j))
        return cells

    town, village = county.town, county.village
    add_runs("S1200", "State Route 9 (synthetic)", path(town, village))
    add_runs("S1200", "County Road 3 (synthetic)", path(town, (town[0] - 6, NY - 1)))
    add_runs("S1200", "Harbor Road (synthetic)", path(town, (NX - 1, town[1] + 10)))
    add_runs("S1100", "Interstate 99 (synthetic)", [(i, 74) for i in range(NX)])
    for i0 in (15, 48, 90):
        add_runs("S1640", "Service Dr (synthetic)", [(i, 75) for i in range(i0, i0 + 4)])
    for _ in range(6):
        i, j = rng.randrange(5, NX - 10), rng.randrange(30, NY - 10)
        add_runs("S1500", "", [(i + d, j + (d // 3)) for d in range(rng.randint(3, 8))])

    features = []
    for n, (mtfcc, name, cells) in enumerate(roads):
        props = {"LINEARID": f"99{n + 1:010d}", "FULLNAME": name, "RTTYP": "M" if mtfcc == "S1400" else "S",
                 "MTFCC": mtfcc}
        geometry = {"type": "LineString", "coordinates": [centre(c) for c in cells]}
        features.append(json.dumps({"type": "Feature", "properties": props, "geometry": geometry},
                                   separators=(",", ":")))
    lines = ['{', '"type": "FeatureCollection",', '"name": "roads_synthetic",',
             '"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },',
             '"features": [', ",\n".join(features), ']', '}', '']
    write_text(os.path.join(out_dir, "roads.geojson"), "\n".join(lines))
    by_class = {}
    for mtfcc, _, cells in roads:
        by_class[mtfcc] = by_class.get(mtfcc, 0) + 1
    print("roads by MTFCC: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_class.items())))


# ---------------------------------------------------------------- water and places (their own random stream)

# Water and places draw from a third generator, used after the roads, so adding them changed no other file.
CONTEXT_SEED = 20261130
PLACE_NAMES = ["North Ridge", "Pine Corner", "East Cove", "West Branch", "Kettle Hill", "Birch Falls"]


def write_feature_collection(out_dir, file_name, layer, features):
    lines = ['{', '"type": "FeatureCollection",', f'"name": "{layer}",',
             '"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },',
             '"features": [', ",\n".join(json.dumps(f, separators=(",", ":")) for f in features), ']', '}', '']
    write_text(os.path.join(out_dir, file_name), "\n".join(lines))


def write_water(county, out_dir):
    """water.geojson: SYNTHETIC TIGER/Line AREAWATER-like polygons (HYDROID, FULLNAME, MTFCC, ALAND, AWATER).

    The bay: every sea cell south of the coastline as one polygon that follows the cells' jittered
    vertices, so it meets the block groups edge for edge (MTFCC H2051, bay). Two ponds (H2030, lake or
    pond): 16-sided rings of 250-450 m radius inside rural land, away from the town and the village.
    """
    rng = random.Random(CONTEXT_SEED)
    coast = county.coast

    def bay_ring(a, b):
        """The sea cells of columns a..b-1 (each with sea), as one ring of grid vertices."""
        ring = [(i, 0) for i in range(a, b + 1)]                    # along the bottom, west to east
        ring += [(b, j) for j in range(1, coast[b - 1] + 1)]        # up the east side
        for i in range(b - 1, a - 1, -1):                           # the coastline, east to west
            ring.append((i + 1, coast[i]))
            if i > a:
                step = 1 if coast[i - 1] >= coast[i] else -1
                ring += [(i, j) for j in range(coast[i], coast[i - 1], step)]
        ring += [(a, j) for j in range(coast[a], 0, -1)]            # down the west side
        ring = [v for n, v in enumerate(ring) if v != ring[n - 1]]
        return [list(county.lonlat(v)) for v in ring]

    # Columns without sea (the peninsula) split the bay into parts.
    runs, start = [], None
    for i in range(NX + 1):
        if i < NX and coast[i] > 0:
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    parts = [bay_ring(a, b) for a, b in runs]
    features = [{
        "type": "Feature",
        "properties": {"HYDROID": "990000000001", "FULLNAME": "Demo Bay (synthetic)", "MTFCC": "H2051",
                       "ALAND": 0, "AWATER": int(round(sum(abs(ring_area_m2(r)) for r in parts)))},
        "geometry": {"type": "MultiPolygon", "coordinates": [[r + [r[0]]] for r in parts]},
    }]
    ponds = 0
    while ponds < 2:
        i, j = rng.randrange(8, NX - 8), rng.randrange(20, NY - 8)
        if (i, j) not in county.land or county.km_between((i, j), county.town) < 5 \
                or county.km_between((i, j), county.village) < 3:
            continue
        cx, cy = county.center_m(i, j)
        r = rng.uniform(250, 450)
        pond = [list(to_lonlat(cx + r * math.cos(2 * math.pi * k / 16), cy + r * math.sin(2 * math.pi * k / 16)))
                for k in range(16)]
        ponds += 1
        features.append({
            "type": "Feature",
            "properties": {"HYDROID": f"99000000000{ponds + 1}", "FULLNAME": f"{['Mud', 'Long'][ponds - 1]} Pond",
                           "MTFCC": "H2030", "ALAND": 0, "AWATER": int(round(math.pi * r * r))},
            "geometry": {"type": "Polygon", "coordinates": [pond + [pond[0]]]},
        })
    write_feature_collection(out_dir, "water.geojson", "areawater_synthetic", features)
    print(f"water: the bay and {ponds} ponds")
    return rng


def write_wards(out_dir):
    """wards.geojson: SYNTHETIC custom study areas, the four wards of Harborton (the town), for a study
    with study.area_level = "custom". Not census geography: ids of their own (WARD), no ALAND. They cover
    the town and its edges, not the county (locations outside every ward are left out of such a study);
    the dividing line north-south is slanted, so wards cut block groups; ward 3 has a hole (a park),
    ward 4 a detached second part (an outlying parcel). Drawn from fixed coordinates: no random draw.
    """
    west, east, south, north, middle = -69.90, -69.77, 43.80, 43.88, 43.829

    def divider(lat):
        """The slanted line between the western and eastern wards, at a latitude."""
        return round(-69.845 + (lat - south) / (north - south) * 0.015, 6)

    def ring(points):
        return [[x, y] for x, y in points] + [[points[0][0], points[0][1]]]

    mid = divider(middle)
    wards = [
        ("1", [ring([(west, middle), (mid, middle), (divider(north), north), (west, north)])]),
        ("2", [ring([(mid, middle), (east, middle), (east, north), (divider(north), north)])]),
        ("3", [ring([(west, south), (divider(south), south), (mid, middle), (west, middle)]),
               ring([(-69.87, 43.812), (-69.87, 43.822), (-69.855, 43.822), (-69.855, 43.812)])]),
        ("4", None),
    ]
    ward4 = [[ring([(divider(south), south), (east, south), (east, middle), (mid, middle)])],
             [ring([(-69.95, 43.93), (-69.93, 43.93), (-69.93, 43.945), (-69.95, 43.945)])]]
    features = []
    for ward, rings in wards:
        geometry = ({"type": "MultiPolygon", "coordinates": ward4} if rings is None
                    else {"type": "Polygon", "coordinates": rings})
        features.append({"type": "Feature", "properties": {"WARD": ward, "NAME": f"Harborton Ward {ward}"},
                         "geometry": geometry})
    write_feature_collection(out_dir, "wards.geojson", "wards_synthetic", features)


def write_places(county, out_dir, rng):
    """places.geojson: SYNTHETIC named places as points (NAME, and a place class as TIGER's LSAD would):
    the harbour town and the village where the generator centres them, and six hamlets on land at
    least 4 km from the town, 2.5 km from the village and 3 km from each other."""
    def point(c, name, kind):
        x, y = county.point_in_cell(c[0], c[1], 0.5, 0.5)
        return {"type": "Feature", "properties": {"NAME": name, "CLASS": kind},
                "geometry": {"type": "Point", "coordinates": list(to_lonlat(x, y))}}
    features = [point(county.town, "Harborton", "town"), point(county.village, "Millbrook", "village")]
    chosen = [county.town, county.village]
    for name in PLACE_NAMES:
        for _ in range(1000):
            c = (rng.randrange(4, NX - 4), rng.randrange(4, NY - 4))
            if c in county.land and county.km_between(c, county.town) >= 4 \
                    and county.km_between(c, county.village) >= 2.5 \
                    and all(county.km_between(c, o) >= 3 for o in chosen):
                chosen.append(c)
                features.append(point(c, name, "hamlet"))
                break
    write_feature_collection(out_dir, "places.geojson", "places_synthetic", features)
    print(f"places: {len(features)}")


def main(out_dir):
    rng = random.Random(SEED)
    county = County(rng)
    county.check_cells()
    weights = county.expected_locations()
    groups = build_block_groups(county, weights)

    # Tract codes: numbered outward from the town centre (town tracts 1 and 2, rural 3-6).
    def tract_distance(t):
        cells = [c for g in groups if g[0] == t for c in g[1]]
        ci = sum(c[0] for c in cells) / len(cells)
        cj = sum(c[1] for c in cells) / len(cells)
        return math.hypot(ci - county.town[0], cj - county.town[1])
    tract_order = sorted(range(TRACT_COUNT), key=tract_distance)
    tract_code = {t: f"{(rank + 1) * 100:06d}" for rank, t in enumerate(tract_order)}

    # Block group numbers within a tract: north-west to south-east by the centre of their cells.
    block_groups = []
    for t in range(TRACT_COUNT):
        members = [g for g in groups if g[0] == t]
        members.sort(key=lambda g: (-round(sum(c[1] for c in g[1]) / len(g[1]) / 8),
                                    sum(c[0] for c in g[1]) / len(g[1])))
        for n, (_, cells) in enumerate(members, start=1):
            block_groups.append({"tract": tract_code[t], "digit": str(n), "cells": cells})
    block_groups.sort(key=lambda b: (b["tract"], b["digit"]))
    for b in block_groups:
        b["geoid"] = STATE_FIPS + COUNTY_FIPS + b["tract"] + b["digit"]

    # Locations: a Poisson count per cell, placed inside the cell; each cell with locations is a block.
    location_ids = set()
    while len(location_ids) < 12000:
        # Mostly 10-digit ids like the Fabric's, a few shorter (7-9 digits).
        r = rng.random()
        if r < 0.9:
            location_ids.add(rng.randint(1_010_000_000, 1_799_999_999))
        elif r < 0.95:
            location_ids.add(rng.randint(100_000_000, 999_999_999))
        else:
            location_ids.add(rng.randint(1_000_000, 99_999_999))
    id_pool = sorted(location_ids)
    rng.shuffle(id_pool)

    locations = []
    for b in block_groups:
        ring = trace_outline(b["cells"])
        b["ring"] = [county.lonlat(v) for v in ring]
        block_number = 0
        b["blocks"] = 0
        for c in sorted(b["cells"], key=lambda c: (-c[1], c[0])):
            count = poisson(rng, weights[c])
            if count == 0:
                continue
            if block_number > 999:
                raise ValueError(f"block group {b['geoid']} needs more than 1000 blocks")
            block_geoid = b["geoid"] + f"{block_number:03d}"
            block_number += 1
            for _ in range(count):
                x, y = county.point_in_cell(c[0], c[1], rng.uniform(0.08, 0.92), rng.uniform(0.08, 0.92))
                lon, lat = to_lonlat(x, y)
                dt = county.km_between(c, county.town)
                r = rng.random()
                business_share = 0.12 if dt < 1.5 else 0.03
                kind = "B" if r < business_share else ("X" if r < business_share + 0.06 else "R")
                locations.append({"id": id_pool.pop(), "lon": lon, "lat": lat, "block": block_geoid,
                                  "bg": b["geoid"], "cell": c, "kind": kind})
        b["blocks"] = block_number

    # Availability rows.
    rows = []
    for loc in sorted(locations, key=lambda l: l["id"]):
        loc["rows"] = availability_for(rng, county, loc)
        for row in loc["rows"]:
            rows.append((row, loc))

    # ---- blockgroups.geojson
    features = []
    for b in block_groups:
        ring = b["ring"]
        aland = ring_area_m2(ring)
        i_cells = [c for c in b["cells"]]
        # Water: the sea cells inside the block group's column span south of its land (its share of the bay).
        cols = {c[0] for c in i_cells}
        lowest = {i: min(c[1] for c in i_cells if c[0] == i) for i in cols}
        water_cells = [(i, j) for i in cols for j in range(0, lowest[i])
                       if (i, j) not in county.land and lowest[i] == county.coast[i]]
        awater = 0.0
        for (i, j) in water_cells:
            quad = [county.lonlat(v) for v in ((i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1))]
            awater += ring_area_m2(quad)
        # Internal point: the centre of the land cell nearest the cells' mean.
        mi = sum(c[0] for c in i_cells) / len(i_cells)
        mj = sum(c[1] for c in i_cells) / len(i_cells)
        ci, cj = min(i_cells, key=lambda c: ((c[0] - mi) ** 2 + (c[1] - mj) ** 2, c))
        px, py = county.point_in_cell(ci, cj, 0.5, 0.5)
        plon, plat = CENTER_LON + px / M_PER_DEG_LON, CENTER_LAT + py / M_PER_DEG_LAT
        closed = ring + [ring[0]]
        features.append({
            "type": "Feature",
            "properties": {
                "STATEFP": STATE_FIPS, "COUNTYFP": COUNTY_FIPS, "TRACTCE": b["tract"], "BLKGRPCE": b["digit"],
                "GEOID": b["geoid"], "NAMELSAD": f"Block Group {b['digit']}", "MTFCC": "G5030", "FUNCSTAT": "S",
                "ALAND": int(round(aland)), "AWATER": int(round(awater)),
                "INTPTLAT": format(plat, "+011.7f"), "INTPTLON": format(plon, "+012.7f"),
            },
            "geometry": {"type": "Polygon", "coordinates": [[[lon, lat] for lon, lat in closed]]},
        })
        b["aland"] = aland
    lines = ['{', '"type": "FeatureCollection",', '"name": "blockgroups",',
             '"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },',
             '"features": [']
    for n, f in enumerate(features):
        text = json.dumps(f, separators=(",", ":"))
        lines.append(text + ("," if n < len(features) - 1 else ""))
    lines += [']', '}', '']
    write_text(os.path.join(out_dir, "blockgroups.geojson"), "\n".join(lines))

    # ---- locations.csv
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["location_id", "latitude", "longitude", "block_geoid"])
    for loc in sorted(locations, key=lambda l: l["id"]):
        w.writerow([loc["id"], f"{loc['lat']:.6f}", f"{loc['lon']:.6f}", loc["block"]])
    write_text(os.path.join(out_dir, "locations.csv"), buf.getvalue())

    # ---- bdc_fixed_demo.csv: grouped by provider, by location id (then technology) within a provider.
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["frn", "provider_id", "brand_name", "location_id", "technology", "max_advertised_download_speed",
                "max_advertised_upload_speed", "low_latency", "business_residential_code", "state_usps",
                "block_geoid", "h3_res8_id"])
    rows.sort(key=lambda r: (PROVIDER_ORDER.index(r[0][0]), r[1]["id"], r[0][1]))
    for (key, tech, down, up, low, code), loc in rows:
        frn, pid, brand = PROVIDERS[key]
        w.writerow([frn, pid, brand, loc["id"], tech, fmt_speed(down), fmt_speed(up), low, code, "ME",
                    loc["block"], fake_h3(*loc["cell"])])
    write_text(os.path.join(out_dir, "bdc_fixed_demo.csv"), buf.getvalue())

    # ---- acs_blockgroups.csv in the data.census.gov layout.
    columns = [
        ("GEO_ID", "Geography"), ("NAME", "Geographic Area Name"),
        ("B01003_001E", "Estimate!!Total"), ("B01003_001M", "Margin of Error!!Total"),
        ("B11001_001E", "Estimate!!Total:"), ("B11001_001M", "Margin of Error!!Total:"),
        ("B19013_001E", "Estimate!!Median household income in the past 12 months (in 2022 inflation-adjusted dollars)"),
        ("B19013_001M", "Margin of Error!!Median household income in the past 12 months (in 2022 inflation-adjusted dollars)"),
        ("B28002_001E", "Estimate!!Total:"), ("B28002_001M", "Margin of Error!!Total:"),
        ("B28002_013E", "Estimate!!Total:!!No Internet access"),
        ("B28002_013M", "Margin of Error!!Total:!!No Internet access"),
        ("B28003_006E", "Estimate!!Total:!!No computer"), ("B28003_006M", "Margin of Error!!Total:!!No computer"),
    ]

    def quoted(fields):
        # Every field quoted, then the trailing empty column data.census.gov writes (a final comma).
        return ",".join('"' + str(f).replace('"', '""') + '"' for f in fields) + ",\n"

    acs_lines = [quoted([c for c, _ in columns]), quoted([l for _, l in columns])]
    by_bg = {}
    for loc in locations:
        by_bg.setdefault(loc["bg"], []).append(loc)
    sentinel_bgs = {block_groups[7]["geoid"], block_groups[40]["geoid"]}
    dash_bg = block_groups[23]["geoid"]
    duplicate_bg = block_groups[12]["geoid"]
    acs_values = {}
    for b in block_groups:
        locs = by_bg.get(b["geoid"], [])
        residential = sum(1 for l in locs if l["kind"] != "B")
        dt = sum(county.km_between(l["cell"], county.town) for l in locs) / max(1, len(locs))
        rural = min(1.0, dt / 10)
        # Occupied share: lower on the rural coast (seasonal homes).
        households = max(5, int(round(residential * rng.uniform(0.78, 0.92) * (1 - 0.15 * rural))))
        population = int(round(households * rng.uniform(2.05, 2.45)))
        classes = [bead_2022_class(l["rows"]) for l in locs]
        need = sum(1 for c in classes if c < 2) / max(1, len(classes))
        no_internet_share = min(0.45, max(0.02, 0.05 + 0.22 * need + rng.uniform(-0.03, 0.03)))
        no_internet = int(round(households * no_internet_share))
        no_computer = int(round(households * no_internet_share * rng.uniform(0.45, 0.7)))
        income = int(round(rng.uniform(52_000, 71_000) * (1 - 0.12 * rural) / 10) * 10)
        if b["geoid"] in sentinel_bgs:
            income_e, income_m = "-666666666", "-222222222"
        elif b["geoid"] == dash_bg:
            income_e, income_m = "-", "**"
        else:
            income_e, income_m = str(income), str(int(round(income * rng.uniform(0.18, 0.4) / 10) * 10))

        def moe(v, lo=0.25, hi=0.6):
            return str(max(9, int(round(v * rng.uniform(lo, hi)))))
        tract_number = tract_name(b["tract"]).replace("Census Tract ", "")
        name = f"Block Group {b['digit']}; Census Tract {tract_number}; {COUNTY_NAME}; {STATE_NAME}"
        fields = ["1500000US" + b["geoid"], name, population, moe(population, 0.15, 0.35), households,
                  moe(households, 0.12, 0.3), income_e, income_m, households, moe(households, 0.12, 0.3),
                  no_internet, moe(no_internet + 5, 0.6, 1.2), no_computer, moe(no_computer + 5, 0.6, 1.2)]
        acs_lines.append(quoted(fields))
        acs_values[b["geoid"]] = (population, households, no_internet)
        if b["geoid"] == duplicate_bg:
            acs_lines.append(quoted(fields))
    write_text(os.path.join(out_dir, "acs_blockgroups.csv"), "\ufeff" + "".join(acs_lines))

    # ---- self-checks and a summary for the README.
    rings = {b["geoid"]: b["ring"] for b in block_groups}
    for loc in locations:
        if not point_in_ring(loc["lon"], loc["lat"], rings[loc["bg"]]):
            raise ValueError(f"location {loc['id']} is outside block group {loc['bg']}")
    classes = [bead_2022_class(l["rows"]) for l in locations]
    tech_rows = {}
    for (key, tech, *_), _loc in rows:
        tech_rows[tech] = tech_rows.get(tech, 0) + 1
    print(f"seed {SEED}")
    print(f"block groups {len(block_groups)} in {TRACT_COUNT} tracts;"
          f" land {sum(b['aland'] for b in block_groups) / 1e6:.1f} km2")
    sizes = sorted(len(b["cells"]) for b in block_groups)
    print(f"block group size in 250 m cells: min {sizes[0]}, median {sizes[len(sizes) // 2]}, max {sizes[-1]}")
    print(f"locations {len(locations)}; availability rows {len(rows)}")
    print("rows by technology: " + ", ".join(f"{t}: {n}" for t, n in sorted(tech_rows.items())))
    print(f"BEAD 2022 (all codes R/B/X): unserved {classes.count(0)}, underserved {classes.count(1)},"
          f" served {classes.count(2)}")
    only_satellite = sum(1 for l in locations if all(r[1] in (60, 61) for r in l["rows"]))
    print(f"locations with satellite only: {only_satellite}")
    shares = []
    for b in block_groups:
        cl = [bead_2022_class(l["rows"]) for l in by_bg.get(b["geoid"], [])]
        shares.append((sum(1 for c in cl if c < 2) / max(1, len(cl)), b["geoid"], len(cl)))
    shares.sort()
    print(f"unserved+underserved share by block group: min {shares[0][0]:.2f} ({shares[0][1]}),"
          f" max {shares[-1][0]:.2f} ({shares[-1][1]})")
    print(f"locations per block group: min {min(s[2] for s in shares)}, max {max(s[2] for s in shares)}")
    write_roads(county, out_dir)
    rng = write_water(county, out_dir)
    write_places(county, out_dir, rng)
    write_wards(out_dir)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 datasets/demo/generate.py OUTPUT_DIR")
    os.makedirs(sys.argv[1], exist_ok=True)
    main(sys.argv[1])
