import GeoModel
import Graphics
import Testing

@testable import Maps

/// Boundary strokes draw each shared edge once.
struct SharedBoundariesTests {
    static func segments(_ path: Path) -> Int {
        path.elements.reduce(0) { n, e in if case .line = e { return n + 1 } else { return n } }
    }

    @Test func twoSquaresSharingAnEdgeGiveSevenSegments() {
        // Squares (0,0)–(10,10) and (10,0)–(20,10): 4 + 4 edges, one shared → 7 segments. The second
        // square's edges from (10,0): bottom to (20,0), right, top to (10,10) form one run; its left
        // edge is the shared one and is skipped.
        let a = ChoroplethMapTests.square(0, 0, 10).asShape
        let b = ChoroplethMapTests.square(10, 0, 10).asShape
        let p = MapProjection(
            fitting: BoundingBox(minX: 0, minY: 0, maxX: 20, maxY: 10),
            into: PageRect(x: 0, y: 0, width: 200, height: 100))
        var boundaries = SharedBoundaries()
        boundaries.add(a, projection: p, tolerance: 0.1)
        boundaries.add(b, projection: p, tolerance: 0.1)
        #expect(Self.segments(boundaries.path) == 7)
        #expect(Inspect.rings(boundaries.path) == 2)
        // Every page point of the second square's run lies on its bottom, right or top edge.
        #expect(
            boundaries.path.elements.suffix(4) == [
                .move(PagePoint(x: 100, y: 100)), .line(PagePoint(x: 200, y: 100)),
                .line(PagePoint(x: 200, y: 0)), .line(PagePoint(x: 100, y: 0)),
            ])
    }

    @Test func anEdgeSharedInTheOppositeDirectionIsStillOne() {
        // The same square added twice, once with its ring reversed: the second adds nothing.
        let ring = [Point(x: 0, y: 0), Point(x: 5, y: 0), Point(x: 5, y: 5), Point(x: 0, y: 5)]
        let p = MapProjection(
            fitting: BoundingBox(minX: 0, minY: 0, maxX: 5, maxY: 5), into: PageRect(x: 0, y: 0, width: 50, height: 50))
        var boundaries = SharedBoundaries()
        boundaries.add(MultiPolygon(polygons: [Polygon(exterior: ring)]), projection: p, tolerance: 0.1)
        boundaries.add(MultiPolygon(polygons: [Polygon(exterior: ring.reversed())]), projection: p, tolerance: 0.1)
        #expect(Self.segments(boundaries.path) == 4)
    }
}
