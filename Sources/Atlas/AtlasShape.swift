import Foundation
import GeoModel

/// Shapes for the screen: each ring simplified (Douglas–Peucker) to a tolerance in degrees and
/// rounded to 5 decimals (about a metre), rings that collapse below a triangle dropped.
public enum AtlasShape {
    /// The tolerance for a study whose lon/lat extent is `box`: a 4,000th of its larger side (a
    /// quarter pixel when the whole study fills a 1,000-pixel window, a few pixels zoomed in 16 times),
    /// and never below 0.00001° (about a metre).
    public static func tolerance(for box: BoundingBox) -> Double {
        max(max(box.width, box.height) / 4_000, 0.000_01)
    }

    /// `shape` as [[[[lon, lat]]]]; a polygon whose exterior collapses is dropped, and when every
    /// polygon would, the largest is kept unsimplified so that no area vanishes from the map.
    public static func coordinates(_ shape: MultiPolygon, tolerance: Double) -> [[[[Double]]]] {
        var out: [[[[Double]]]] = []
        for polygon in shape.polygons {
            var rings: [[[Double]]] = []
            for (k, ring) in polygon.rings.enumerated() {
                let kept = simplify(ring, tolerance: tolerance)
                guard kept.count >= 4 else {
                    if k == 0 { break }
                    continue
                }
                rings.append(kept.map(rounded))
            }
            if !rings.isEmpty { out.append(rings) }
        }
        if out.isEmpty, let largest = shape.polygons.max(by: { $0.area < $1.area }), largest.exterior.count >= 4 {
            out = [[largest.exterior.map(rounded)]]
        }
        return out
    }

    static func rounded(_ p: Point) -> [Double] {
        [(p.x * 100_000).rounded() / 100_000, (p.y * 100_000).rounded() / 100_000]
    }

    /// Douglas–Peucker on a closed ring (first point = last): the points kept, first and last included.
    /// Iterative, so a ring of a million points does not overflow the stack.
    static func simplify(_ ring: [Point], tolerance: Double) -> [Point] {
        guard ring.count > 4 else { return ring }
        var keep = [Bool](repeating: false, count: ring.count)
        keep[0] = true
        keep[ring.count - 1] = true
        // A closed ring's ends coincide: split it at the point farthest from the start first.
        var far = 1
        var farD = 0.0
        for i in 1..<(ring.count - 1) {
            let d = hypot(ring[i].x - ring[0].x, ring[i].y - ring[0].y)
            if d > farD { (far, farD) = (i, d) }
        }
        keep[far] = true
        var stack = [(0, far), (far, ring.count - 1)]
        while let (a, b) = stack.popLast() {
            guard b > a + 1 else { continue }
            var best = a
            var bestD = -1.0
            for i in (a + 1)..<b {
                let d = distance(ring[i], ring[a], ring[b])
                if d > bestD { (best, bestD) = (i, d) }
            }
            if bestD > tolerance {
                keep[best] = true
                stack.append((a, best))
                stack.append((best, b))
            }
        }
        return ring.indices.filter { keep[$0] }.map { ring[$0] }
    }

    /// Distance from `p` to the segment a–b.
    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return hypot(p.x - a.x, p.y - a.y) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
        return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
    }
}
