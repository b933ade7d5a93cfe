import Analysis
import CGDAL
import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

/// `AreaLocator`'s rules on shapes made here: lowest index on overlap, holes, nothing outside, empty
/// input, the banded edge index against the plain even-odd test, and the batch against single look-ups.
@Suite struct AreaLocatorTests {
    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [Point] {
        [Point(x: x0, y: y0), Point(x: x1, y: y0), Point(x: x1, y: y1), Point(x: x0, y: y1)]
    }

    @Test func emptyLayerContainsNothing() throws {
        let locator = AreaLocator(geometries: [])
        #expect(locator.area(containing: Point(x: 0, y: 0)) == nil)
        #expect(locator.areas(containing: [Point(x: 0, y: 0), Point(x: 1, y: 1)]) == [nil, nil])
        #expect(locator.areas(containing: []) == [])
        // An empty polygon layer (a GeoPackage with the id column and no feature) read through GDAL gives
        // no shapes, and a locator over them finds none.
        let folder = try TemporaryDirectory()
        let path = folder.file("empty.gpkg")
        try Self.writeEmptyPolygonLayer(path: path)
        let shapes = try VectorSource.readShapes(path: path, idField: "GEOID")
        #expect(shapes.isEmpty)
        #expect(AreaLocator(geometries: shapes.map(\.geometry)).area(containing: Point(x: 0, y: 0)) == nil)
    }

    /// A GeoPackage with one MultiPolygon layer `areas` holding a `GEOID` column and no feature.
    static func writeEmptyPolygonLayer(path: String) throws {
        GDALAllRegister()
        // GDALGetDriverByName borrows the driver; GDALCreate returns an owned dataset (GDALClose), NULL on failure.
        let driver = try #require(GDALGetDriverByName("GPKG"))
        let dataset = try #require(GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil))
        defer { GDALClose(dataset) }
        // GDALDatasetCreateLayer returns a borrowed layer; OGR_Fld_Create an owned field definition.
        let layer = try #require(GDALDatasetCreateLayer(dataset, "areas", nil, wkbMultiPolygon, nil))
        let field = OGR_Fld_Create("GEOID", OFTString)
        defer { OGR_Fld_Destroy(field) }
        #expect(OGR_L_CreateField(layer, field, 1) == OGRERR_NONE)
    }

    @Test func holesOverlapsAndOutside() {
        // 0: a square with a square hole; 1: an island inside the hole; 2: overlaps 0's right side.
        let framed = MultiPolygon(polygons: [
            Polygon(exterior: Self.square(0, 0, 10, 10), holes: [Self.square(3, 3, 7, 7)])
        ])
        let island = MultiPolygon(polygons: [Polygon(exterior: Self.square(4, 4, 6, 6))])
        let overlapping = MultiPolygon(polygons: [Polygon(exterior: Self.square(8, 0, 12, 10))])
        let locator = AreaLocator(geometries: [framed, island, overlapping])
        #expect(locator.area(containing: Point(x: 1, y: 1)) == 0)
        #expect(locator.area(containing: Point(x: 3.5, y: 5)) == nil)  // in the hole, off the island
        #expect(locator.area(containing: Point(x: 5, y: 5)) == 1)  // on the island in the hole
        #expect(locator.area(containing: Point(x: 9, y: 5)) == 0)  // in both 0 and 2: the lowest index
        #expect(locator.area(containing: Point(x: 11, y: 5)) == 2)
        #expect(locator.area(containing: Point(x: 20, y: 5)) == nil)  // outside everything
        #expect(locator.area(containing: Point(x: .nan, y: 5)) == nil)
        // The same shapes given in another order: the overlap goes to the lower index again.
        let reversed = AreaLocator(geometries: [overlapping, island, framed])
        #expect(reversed.area(containing: Point(x: 9, y: 5)) == 0)
        #expect(reversed.area(containing: Point(x: 1, y: 1)) == 2)
        // A multipart area: a point in its second part.
        let twoParts = MultiPolygon(polygons: [
            Polygon(exterior: Self.square(0, 0, 1, 1)), Polygon(exterior: Self.square(5, 5, 6, 6)),
        ])
        #expect(AreaLocator(geometries: [twoParts]).area(containing: Point(x: 5.5, y: 5.5)) == 0)
    }

    /// Polygons with many edges go through the band index: it must answer as `MultiPolygon.contains`.
    @Test func bandedPolygonsAnswerAsTheEvenOddTest() {
        var random = SplitMix64(seed: 42)
        var geometries: [MultiPolygon] = []
        // Star-shaped rings of 30 to 3,000 vertices (with holes in every third), on a 6 × 6 grid of centres.
        for k in 0..<36 {
            let (cx, cy) = (Double(k % 6) * 2, Double(k / 6) * 2)
            let n = 30 + random.index(below: 3_000)
            let ring = (0..<n).map { i -> Point in
                let angle = Double(i) / Double(n) * 2 * Double.pi
                // Lobes and a little noise, as a coastline; every fourth shape spiky (each edge tall).
                let r =
                    k % 4 == 1
                    ? 0.6 + 0.6 * random.unit() : 0.85 + 0.25 * sin(5 * angle + Double(k)) + 0.05 * random.unit()
                return Point(x: cx + r * cos(angle), y: cy + r * sin(angle))
            }
            let hole = k % 3 == 0 ? [Self.square(cx - 0.2, cy - 0.2, cx + 0.2, cy + 0.2)] : []
            geometries.append(MultiPolygon(polygons: [Polygon(exterior: ring, holes: hole)]))
        }
        let locator = AreaLocator(geometries: geometries)
        let boxes = geometries.map(\.boundingBox)
        let extent = BoundingBox(minX: -1.5, minY: -1.5, maxX: 11.5, maxY: 11.5)
        var points = (0..<5_000).map { _ in random.point(in: extent) }
        // Points on the vertices' heights, where a band boundary or a vertex could be missed.
        points += geometries.prefix(4).flatMap {
            $0.polygons[0].exterior.prefix(200).map { Point(x: $0.x - 0.01, y: $0.y) }
        }
        var inside = 0
        for p in points {
            let expected = geometries.indices.first {
                boxes[$0].contains(p) && geometries[$0].contains(p)
            }
            #expect(locator.area(containing: p) == expected)
            if expected != nil { inside += 1 }
        }
        #expect(inside > 1_200)
    }

    @Test func batchEqualsSingleLookups() {
        var random = SplitMix64(seed: 3)
        var geometries: [MultiPolygon] = []
        for row in 0..<20 {
            for column in 0..<20 {
                let (x, y) = (Double(column), Double(row))
                geometries.append(MultiPolygon(polygons: [Polygon(exterior: Self.square(x, y, x + 1, y + 1))]))
            }
        }
        let locator = AreaLocator(geometries: geometries)
        // More than one run of points per worker; some outside the extent, some not numbers.
        var points = (0..<50_000).map { _ in random.point(in: BoundingBox(minX: -2, minY: -2, maxX: 22, maxY: 22)) }
        points += [Point(x: .nan, y: 1), Point(x: 1, y: .infinity), Point(x: 20, y: 20), Point(x: 0, y: 0)]
        let single = points.map { locator.area(containing: $0) }
        #expect(single.contains(nil) && single.compactMap { $0 }.count > 30_000)
        for threads in [1, 2, 5] {
            #expect(locator.areas(containing: points, threads: threads) == single)
        }
        // Each point lands in the square holding it (every x and y here is off the grid lines).
        let p = Point(x: 13.5, y: 7.25)
        #expect(locator.area(containing: p) == 7 * 20 + 13)
    }
}
