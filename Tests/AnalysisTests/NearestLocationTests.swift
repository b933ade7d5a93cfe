import Foundation
import GeoModel
import Testing

@testable import Analysis

/// Placing a position at the nearest location within 100 m. Distances checked against the haversine
/// formula (written out here, on the same radius) to 0.01 %.
@Suite struct NearestLocationTests {
    static func haversine(_ a: Point, _ b: Point) -> Double {
        let rad = Double.pi / 180
        let h =
            pow(sin((b.y - a.y) * rad / 2), 2) + cos(a.y * rad) * cos(b.y * rad) * pow(sin((b.x - a.x) * rad / 2), 2)
        return 2 * 6_371_008.8 * asin(h.squareRoot())
    }

    @Test func distancesAgreeWithTheHaversineFormula() {
        let origin = Point(x: -69.849569, y: 43.834110)
        for (dx, dy) in [(0.0, 0.0001), (0.0009, 0.0), (0.0006, -0.0005), (-0.0011, 0.0003)] {
            let q = Point(x: origin.x + dx, y: origin.y + dy)
            let h = Self.haversine(origin, q)
            #expect(abs(NearestLocation.metres(origin, q) - h) <= h * 1e-4)
        }
    }

    @Test func theNearestWithinALimitAcrossCellEdges() {
        // 0.0009° of longitude at 43.8° N is about 72 m; 0.0013° about 104 m.
        let p = Point(x: -69.8, y: 43.8)
        let finder = NearestLocation(points: [
            1: Point(x: -69.8009, y: 43.8), 2: Point(x: -69.7991, y: 43.8), 3: Point(x: -69.8013, y: 43.8),
        ])
        // 1 and 2 are equally far (one on each side of a cell edge at -69.8): the lower id wins.
        let found = finder.nearest(to: p)
        #expect(found?.id == 1)
        #expect(abs((found?.metres ?? 0) - Self.haversine(p, Point(x: -69.8009, y: 43.8))) < 0.01)
        #expect(NearestLocation(points: [3: Point(x: -69.8013, y: 43.8)]).nearest(to: p) == nil)
        #expect(NearestLocation(points: [:]).nearest(to: p) == nil)
    }
}
