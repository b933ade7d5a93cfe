import GeoModel
import Graphics
import Testing

@testable import Maps

struct MapProjectionTests {
    func square(_ x: Double, _ y: Double, _ side: Double) -> Polygon {
        Polygon(exterior: [
            Point(x: x, y: y), Point(x: x + side, y: y), Point(x: x + side, y: y + side), Point(x: x, y: y + side),
        ])
    }

    @Test func twoSquaresFitByHand() {
        // Squares A = [0, 1000]² and B = [3000, 4000] × [0, 1000] metres: box 4000 × 1000 m.
        // Frame (10, 20, 200 × 100 pt): scale = min(200/4000, 100/1000) = min(0.05, 0.1) = 0.05 pt/m,
        // so the map is 200 × 50 pt, centred vertically: top = 20 + (100 - 50)/2 = 45.
        //   (0, 0)       → (10 + 0, 45 + (1000 - 0)·0.05)      = (10, 95)
        //   (4000, 1000) → (10 + 4000·0.05, 45 + 0)             = (210, 45)
        //   (3000, 0)    → (10 + 150, 95)                        = (160, 95)
        // 20 m of ground per point.
        let box = MultiPolygon(polygons: [square(0, 0, 1000), square(3000, 0, 1000)]).boundingBox
        let p = MapProjection(fitting: box, into: PageRect(x: 10, y: 20, width: 200, height: 100))
        #expect(p.scale == 0.05)
        #expect(p.metresPerPoint == 20)
        #expect(p.rect == PageRect(x: 10, y: 45, width: 200, height: 50))
        #expect(p.project(Point(x: 0, y: 0)) == PagePoint(x: 10, y: 95))
        #expect(p.project(Point(x: 4000, y: 1000)) == PagePoint(x: 210, y: 45))
        #expect(p.project(Point(x: 3000, y: 0)) == PagePoint(x: 160, y: 95))
        #expect(p.unproject(PagePoint(x: 160, y: 95)) == Point(x: 3000, y: 0))
    }

    @Test func tallBoxFitsByHeightAndKeepsAspect() {
        // Box 1000 × 3000 m into 300 × 150 pt: scale = min(0.3, 0.05) = 0.05; map 50 × 150 pt,
        // centred horizontally at x = (300 - 50)/2 = 125. One metre east and one metre north move
        // the same distance on the page (uniform scale), north is up (y decreases).
        let box = BoundingBox(minX: 500_000, minY: 2_000_000, maxX: 501_000, maxY: 2_003_000)
        let p = MapProjection(fitting: box, into: PageRect(x: 0, y: 0, width: 300, height: 150))
        #expect(p.rect == PageRect(x: 125, y: 0, width: 50, height: 150))
        let o = p.project(Point(x: 500_500, y: 2_001_000))
        let east = p.project(Point(x: 500_600, y: 2_001_000))
        let north = p.project(Point(x: 500_500, y: 2_001_100))
        #expect(abs((east.x - o.x) - 5) < 1e-9)
        #expect(abs((o.y - north.y) - 5) < 1e-9)
        #expect(
            Inspect.contains(PageRect(x: 0, y: 0, width: 300, height: 150), p.project(Point(x: box.maxX, y: box.minY))))
    }

    @Test func ringsKeepTheirCountWhenThinned() {
        // A polygon with many vertices closer than the 0.1 pt tolerance keeps its ring and its
        // first and last vertex; a hole stays a separate ring.
        var dense: [Point] = []
        for i in 0..<1000 { dense.append(Point(x: Double(i), y: 0)) }
        dense.append(Point(x: 1000, y: 1000))
        let poly = Polygon(
            exterior: dense, holes: [[Point(x: 400, y: 100), Point(x: 500, y: 100), Point(x: 450, y: 200)]])
        let tiny = Polygon(exterior: [Point(x: 2000, y: 0), Point(x: 2000.001, y: 0), Point(x: 2000, y: 0.001)])
        let shape = MultiPolygon(polygons: [poly, tiny])
        let p = MapProjection(fitting: shape.boundingBox, into: PageRect(x: 0, y: 0, width: 100, height: 50))
        var path = Path()
        p.appendRings(of: shape, to: &path)
        #expect(Inspect.rings(path) == 3)
        // 1001 exterior vertices at 0.05 pt spacing thin to about every other one.
        #expect(Inspect.points(path).count < 600)
        #expect(Inspect.points(path).first == p.project(dense[0]))
    }

    @Test func labelPointIsTheLargestPartsCentroidOnThePage() {
        // Parts: [0, 1000]² (area 1e6) and [3000, 3500]² (2.5e5): the label sits at the first's
        // centre (500, 500). Box 3500 × 3500 m into 350 × 350 pt: 0.1 pt/m, y flipped:
        // (500·0.1, (3500 - 500)·0.1) = (50, 300).
        let shape = MultiPolygon(polygons: [square(0, 0, 1000), square(3000, 3000, 500)])
        let p = MapProjection(fitting: shape.boundingBox, into: PageRect(x: 0, y: 0, width: 350, height: 350))
        let q = p.labelPoint(of: shape)
        #expect(q.map { abs($0.x - 50) < 1e-9 && abs($0.y - 300) < 1e-9 } == true)
        #expect(p.labelPoint(of: MultiPolygon(polygons: [])) == nil)
    }
}
