import Analysis
import CGDAL
import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

/// `AreaLocator` against GDAL's own predicate (`OGR_G_Contains`, computed by GEOS) on Hawaii's census
/// tracts: 351 tracts, 5 of them multipart (islands), 8 with holes.
@Suite struct AreaLocatorGDALTests {
    static let hawaiiTracts = TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson")

    @Test func locatesRandomPointsAsGEOSDoes() throws {
        let shapes = try VectorSource.readShapes(path: Self.hawaiiTracts, idField: "GEOID")
        #expect(shapes.count == 351)
        let locator = AreaLocator(geometries: shapes.map(\.geometry))
        let oracle = try OGRLayerOracle(path: Self.hawaiiTracts)
        #expect(oracle.count == shapes.count)

        var random = SplitMix64(seed: 20_261_203)
        var points: [Point] = []
        // Anywhere in a random tract's box: inside it, in a neighbour, or in the sea.
        for _ in 0..<1_500 {
            let box = shapes[random.index(below: shapes.count)].geometry.boundingBox
            points.append(random.point(in: box))
        }
        // In the box of every part after the first of a multipart tract, and of every hole.
        var holeBoxes: [(area: Int, box: BoundingBox)] = []
        for (i, shape) in shapes.enumerated() {
            for polygon in shape.geometry.polygons.dropFirst() {
                for _ in 0..<40 { points.append(random.point(in: polygon.boundingBox)) }
            }
            for polygon in shape.geometry.polygons {
                for hole in polygon.rings.dropFirst() {
                    let box = hole.reduce(BoundingBox.empty) { $0.including($1) }
                    holeBoxes.append((i, box))
                    for _ in 0..<40 { points.append(random.point(in: box)) }
                }
            }
        }
        #expect(holeBoxes.count >= 8)

        var inside = 0
        var inLaterPart = 0
        var inHoleBox = 0
        for p in points {
            let expected = oracle.firstFeature(containing: p)
            let found = locator.area(containing: p)
            #expect(found == expected, "point \(p.x), \(p.y)")
            guard let expected else { continue }
            inside += 1
            let parts = shapes[expected].geometry.polygons
            if parts.count > 1, !parts[0].contains(p) { inLaterPart += 1 }
            // A point in a hole's box that GEOS puts in another tract than the hole's (or in none).
            if holeBoxes.contains(where: { $0.box.contains(p) && $0.area != expected }) { inHoleBox += 1 }
        }
        // The sample reaches what it is meant to: most points in a tract, some in islands and in holes.
        #expect(inside > points.count / 2)
        #expect(inLaterPart > 50)
        #expect(inHoleBox > 0)
        // The batch gives the same answers on several threads.
        #expect(locator.areas(containing: points, threads: 3) == points.map { locator.area(containing: $0) })
    }

    @Test func pointsInHolesBelongToNoneOrToTheIsland() throws {
        let shapes = try VectorSource.readShapes(path: Self.hawaiiTracts, idField: "GEOID")
        let locator = AreaLocator(geometries: shapes.map(\.geometry))
        let oracle = try OGRLayerOracle(path: Self.hawaiiTracts)
        var random = SplitMix64(seed: 7)
        var checked = 0
        for (i, shape) in shapes.enumerated() {
            for polygon in shape.geometry.polygons {
                for hole in polygon.rings.dropFirst() {
                    let ring = Polygon(exterior: hole)
                    // Points strictly inside the hole ring: never in the tract that has the hole.
                    var tries = 0
                    var found = 0
                    while found < 10 && tries < 2_000 {
                        tries += 1
                        let p = random.point(in: ring.boundingBox)
                        guard ring.contains(p) else { continue }
                        found += 1
                        checked += 1
                        let area = locator.area(containing: p)
                        #expect(area != i)
                        #expect(area == oracle.firstFeature(containing: p))
                    }
                }
            }
        }
        #expect(checked >= 40)
    }
}

/// The oracle: each feature's geometry from GDAL, asked with `OGR_G_Contains` (GEOS).
final class OGRLayerOracle {
    private var geometries: [OGRGeometryH] = []
    private var envelopes: [OGREnvelope] = []
    var count: Int { geometries.count }

    init(path: String) throws {
        GDALAllRegister()
        // GDALOpenEx returns an owned dataset handle (GDALClose), NULL when it cannot open the file.
        guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
            throw LastmileError.io(path: path, "GDAL cannot open it")
        }
        defer { GDALClose(dataset) }
        // GDALDatasetGetLayer borrows layer 0.
        let layer = try #require(GDALDatasetGetLayer(dataset, 0))
        OGR_L_ResetReading(layer)
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            // OGR_F_GetGeometryRef borrows; OGR_G_Clone gives a copy the oracle owns.
            let geometry = try #require(OGR_G_Clone(OGR_F_GetGeometryRef(feature)))
            var envelope = OGREnvelope()
            OGR_G_GetEnvelope(geometry, &envelope)
            geometries.append(geometry)
            envelopes.append(envelope)
        }
    }

    deinit { for g in geometries { OGR_G_DestroyGeometry(g) } }

    /// The first feature (0-based, layer order) whose geometry contains `p`, nil when none does.
    func firstFeature(containing p: Point) -> Int? {
        let point = OGR_G_CreateGeometry(wkbPoint)!
        defer { OGR_G_DestroyGeometry(point) }
        OGR_G_SetPoint_2D(point, 0, p.x, p.y)
        for (i, e) in envelopes.enumerated()
        where p.x >= e.MinX && p.x <= e.MaxX && p.y >= e.MinY && p.y <= e.MaxY {
            // OGR_G_Contains returns TRUE when GEOS says the polygon contains the point.
            if OGR_G_Contains(geometries[i], point) != 0 { return i }
        }
        return nil
    }
}
