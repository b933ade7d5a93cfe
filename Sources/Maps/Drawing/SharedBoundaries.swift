import GeoModel
import Graphics

/// The boundary lines of a set of shapes with every shared edge drawn once.
///
/// Neighbouring areas of a coverage (TIGER block groups, counties) share their edges vertex for vertex,
/// so stroking every ring draws each inner edge twice. Collecting edges by their exact world
/// coordinates and keeping only the first copy halves the work of the stroke (and the bytes it takes in
/// a PDF or SVG) without changing what is seen: both copies were the same line.
struct SharedBoundaries {
    /// An edge between two vertices by their exact coordinates, the same key in either direction.
    struct Edge: Hashable {
        let a0: UInt64, a1: UInt64, b0: UInt64, b1: UInt64
        init(a0: UInt64, a1: UInt64, b0: UInt64, b1: UInt64) { (self.a0, self.a1, self.b0, self.b1) = (a0, a1, b0, b1) }
        init(_ p: Point, _ q: Point) {
            let pk = (p.x.bitPattern, p.y.bitPattern)
            let qk = (q.x.bitPattern, q.y.bitPattern)
            if pk < qk {
                (a0, a1, b0, b1) = (pk.0, pk.1, qk.0, qk.1)
            } else {
                (a0, a1, b0, b1) = (qk.0, qk.1, pk.0, pk.1)
            }
        }
    }

    private var seen = EdgeSet()
    private(set) var path = Path()

    /// Calls `body` with each edge of each ring of `shape` in ring order, as `add` walks them.
    static func forEachEdge(of shape: MultiPolygon, _ body: (Point, Point) -> Void) {
        for polygon in shape.polygons {
            for ring in polygon.rings { forEachEdge(ofRing: ring, body) }
        }
    }

    /// The edges (i, i+1) of a ring, closing back to the first vertex unless it is repeated, skipping
    /// zero-length edges.
    static func forEachEdge(ofRing ring: [Point], _ body: (Point, Point) -> Void) {
        guard ring.count >= 2 else { return }
        let edgeCount = ring.first == ring.last ? ring.count - 1 : ring.count
        for i in 0..<edgeCount {
            let p = ring[i]
            let q = ring[(i + 1) % ring.count]
            if p != q { body(p, q) }
        }
    }

    /// Adds the edges of `shape` not added before (and, when `keep` is given, those it keeps), as
    /// polylines projected with `projection`, dropping vertices closer than `tolerance` points to the last
    /// one kept (each polyline keeps its ends).
    mutating func add(
        _ shape: MultiPolygon, projection: MapProjection, tolerance: Double, where keep: ((Edge) -> Bool)? = nil
    ) {
        let t2 = tolerance * tolerance
        var line: [Point] = []
        for polygon in shape.polygons {
            for ring in polygon.rings {
                Self.forEachEdge(ofRing: ring) { p, q in
                    let e = Edge(p, q)
                    if keep?(e) ?? true, seen.insert(e) {
                        if line.isEmpty { line.append(p) }
                        line.append(q)
                    } else {
                        if line.count >= 2 { emit(line, projection: projection, t2: t2) }
                        line.removeAll(keepingCapacity: true)
                    }
                }
                if line.count >= 2 { emit(line, projection: projection, t2: t2) }
                line.removeAll(keepingCapacity: true)
            }
        }
    }

    private mutating func emit(_ line: [Point], projection: MapProjection, t2: Double) {
        var last = projection.project(line[0])
        path.move(to: last)
        for (i, p) in line.enumerated().dropFirst() {
            let q = projection.project(p)
            let dx = q.x - last.x
            let dy = q.y - last.y
            if i != line.count - 1, dx * dx + dy * dy < t2 { continue }
            path.line(to: q)
            last = q
        }
    }
}

/// A set of edges by open addressing (linear probing, at most three quarters full): the shared-boundary pass
/// looks up every edge of every ring once, 150,000 edges for 3,998 block groups, where `Set<Edge>`
/// spent most of its time in `Hasher` (SipHash over 32 bytes) and in resizing.
struct EdgeSet {
    private var slots: [SharedBoundaries.Edge] = []
    private var used: [Bool] = []
    private var count = 0
    private var shift = 64

    /// Inserts `e`; true when it was not in the set.
    mutating func insert(_ e: SharedBoundaries.Edge) -> Bool {
        if 4 * (count + 1) > 3 * slots.count { grow() }
        let mask = slots.count - 1
        var i = index(of: e)
        while used[i] {
            if slots[i] == e { return false }
            i = (i + 1) & mask
        }
        used[i] = true
        slots[i] = e
        count += 1
        return true
    }

    /// The first slot to probe: the top bits of a multiplicative mix of the four words.
    private func index(of e: SharedBoundaries.Edge) -> Int {
        var h = e.a0 &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ e.a1 ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ e.b0 ^ (h >> 32)) &* 0x94D0_49BB_1331_11EB
        h = (h ^ e.b1 ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: (h ^ (h >> 31)) >> UInt64(shift))
    }

    private mutating func grow() {
        let capacity = max(1024, slots.count * 2)
        let oldSlots = slots
        let oldUsed = used
        slots = [SharedBoundaries.Edge](repeating: SharedBoundaries.Edge(a0: 0, a1: 0, b0: 0, b1: 0), count: capacity)
        used = [Bool](repeating: false, count: capacity)
        shift = 64 - capacity.trailingZeroBitCount
        let mask = capacity - 1
        for (e, u) in zip(oldSlots, oldUsed) where u {
            var i = index(of: e)
            while used[i] { i = (i + 1) & mask }
            used[i] = true
            slots[i] = e
        }
    }
}
