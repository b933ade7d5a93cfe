import GeoModel
import Graphics

/// The boundary lines of a set of shapes with every shared edge drawn once.
///
/// Neighbouring areas of a coverage (TIGER block groups, counties) share their edges vertex for vertex,
/// so stroking every ring draws each inner edge twice. Collecting edges by their exact world
/// coordinates and keeping only the first copy halves the work of the stroke (and the bytes it takes in
/// a PDF or SVG) without changing what is seen: both copies were the same line.
struct SharedBoundaries {
    private struct Edge: Hashable {
        let a0: UInt64, a1: UInt64, b0: UInt64, b1: UInt64
        /// The edge between two points, the same key in either direction.
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

    /// Adds the edges of `shape` not added before, as polylines projected with `projection`, dropping
    /// vertices closer than `tolerance` points to the last one kept (each polyline keeps its ends).
    mutating func add(_ shape: MultiPolygon, projection: MapProjection, tolerance: Double) {
        let t2 = tolerance * tolerance
        for polygon in shape.polygons {
            for ring in polygon.rings where ring.count >= 2 {
                var line: [Point] = []
                func flush() {
                    if line.count >= 2 { emit(line, projection: projection, t2: t2) }
                    line.removeAll(keepingCapacity: true)
                }
                // The ring's edges (i, i+1), closing back to the first vertex unless it is repeated.
                let closed = ring.first == ring.last
                let edgeCount = closed ? ring.count - 1 : ring.count
                for i in 0..<edgeCount {
                    let p = ring[i]
                    let q = ring[(i + 1) % ring.count]
                    if p == q { continue }
                    if seen.insert(Edge(p, q)).inserted {
                        if line.isEmpty { line.append(p) }
                        line.append(q)
                    } else {
                        flush()
                    }
                }
                flush()
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
