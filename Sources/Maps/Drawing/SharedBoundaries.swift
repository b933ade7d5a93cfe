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

    private var seen = Set<Edge>()
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
                    if keep?(e) ?? true, seen.insert(e).inserted {
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
