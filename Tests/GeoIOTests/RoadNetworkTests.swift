import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

/// Road length per area from real GDAL/GEOS on hand-made fixtures.
///
/// Fixtures (EPSG:5070, metres; x, y relative to (2,000,000, 2,500,000)):
/// two-squares-5070.geojson: West = [0, 1000] × [0, 1000] (GEOID …1001), East = [1000, 2000] × [0, 1000] (…1002).
/// roads-5070.geojson:
///   Cross Rd    S1200  (−500, 500) → (2500, 500)             West 1000, East 1000
///   Line Rd     S1400  (1000, 200) → (1000, 800)             600 m on the shared edge: 300 each (half rule)
///   Two Part Ln S1400  (100,100)→(400,500) + (600,100)→(600,300): 500 (3-4-5) + 200 = 700, West
///   Highway     S1100  (1100, 200) → (1900, 200)             800, East, not a default class
///   Woods Trl   S1500  (1200, 900) → (1200, 600)             300, East, not a default class
///   Shore Dr    S1640  (200, 0) → (700, 0)                   500 on West's outer edge: 250 (half rule)
///   Far Rd      S1400  (5000, 5000) → (6000, 5000)           outside both (and outside the spatial filter)
/// Default classes (S1200, S1400, S1640): West = 1000 + 300 + 700 + 250 = 2250; East = 1000 + 300 = 1300.
@Suite struct RoadNetworkTests {
    static let west = AreaID("230010001001"), east = AreaID("230010001002")

    static func squares() throws -> [Area] {
        try VectorSource.readAreas(path: Fixtures.path("two-squares-5070.geojson"), idField: "GEOID")
    }

    /// roads-5070.geojson converted by `ogr2ogr options target roads-5070.geojson moreOptions`.
    static func convertRoads(_ options: [String], to target: String, then moreOptions: [String] = []) throws {
        let made = try ExternalTool.run(
            "ogr2ogr", options + [target, Fixtures.path("roads-5070.geojson")] + moreOptions)
        try #require(made.status == 0, "\(made.errorOutput)")
    }

    /// One lon/lat block group on the Maine coast, 70.1–69.8° W × 43.8–44.0° N (written into `dir`).
    static func coastArea(in dir: TemporaryDirectory) throws -> [Area] {
        let area = try dir.write(
            "area.geojson",
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"GEOID":"230010001001"},
            "geometry":{"type":"Polygon","coordinates":[[[-70.1,43.8],[-69.8,43.8],[-69.8,44.0],[-70.1,44.0],[-70.1,43.8]]]}}]}
            """)
        return try VectorSource.readAreas(path: area, idField: "GEOID")
    }

    @Test func defaultClassesClipAndHalveSharedEdges() throws {
        let lengths = try RoadNetwork.lengths(path: Fixtures.path("roads-5070.geojson"), areas: try Self.squares())
        #expect(abs(lengths.metresByArea[Self.west]! - 2250) < 1e-6)
        #expect(abs(lengths.metresByArea[Self.east]! - 1300) < 1e-6)
        #expect(abs(lengths.totalMetres - 3550) < 1e-6)
        #expect(lengths.classField == "MTFCC")
        #expect(lengths.classes == ["S1200", "S1400", "S1640"])
        // Far Rd lies more than 1 km outside the study extent: the spatial filter drops it before reading.
        #expect(lengths.featuresRead == 6)
        #expect(lengths.featuresUsed == 4)
        #expect(abs(lengths.milesByArea[Self.west]! - 2250 / 1609.344) < 1e-9)
    }

    @Test func explicitClassesSelectOnlyThose() throws {
        let highway = try RoadNetwork.lengths(
            path: Fixtures.path("roads-5070.geojson"), areas: try Self.squares(),
            classes: ["S1100", "S1500"])
        // Highway 800 + Woods Trl 300, both in East.
        #expect(abs(highway.metresByArea[Self.east]! - 1100) < 1e-6)
        #expect(highway.metresByArea[Self.west]! == 0)
    }

    @Test func everyLineCountsWithoutAClassField() throws {
        let dir = try TemporaryDirectory()
        // The same roads without MTFCC (ogr2ogr -select FULLNAME): nothing is filtered.
        let plain = dir.file("plain.gpkg")
        try Self.convertRoads(["-f", "GPKG", "-select", "FULLNAME"], to: plain)
        let lengths = try RoadNetwork.lengths(path: plain, areas: try Self.squares())
        // West 2250; East 1300 + 800 + 300 = 2400.
        #expect(abs(lengths.metresByArea[Self.west]! - 2250) < 1e-6)
        #expect(abs(lengths.metresByArea[Self.east]! - 2400) < 1e-6)
        #expect(lengths.classField == nil)
    }

    @Test func lonLatRoadsAndZippedShapefile() throws {
        // The fixture reprojected to NAD83 lon/lat and zipped as a shapefile: same lengths after the round
        // trip back to EPSG:5070 (vertices only move by floating-point noise).
        let dir = try TemporaryDirectory()
        let zipped = dir.file("roads.shp.zip")
        try Self.convertRoads(
            ["-f", "ESRI Shapefile", "-t_srs", "EPSG:4269"], to: zipped, then: ["-nlt", "MULTILINESTRING"])
        let lengths = try RoadNetwork.lengths(path: zipped, areas: try Self.squares())
        #expect(abs(lengths.metresByArea[Self.west]! - 2250) < 0.01)
        #expect(abs(lengths.metresByArea[Self.east]! - 1300) < 0.01)
    }

    /// Planar length in EPSG:5070 against the geodesic length (error bound in `RoadNetwork`'s doc).
    /// geod +ellps=GRS80 -I: 43.85,−69.95 → 43.95,−69.95 = 11,111.029 m; 43.9,−70.0 → 43.9,−69.85 = 12,051.116 m.
    /// Albers scale at 43.9° N: k ≈ 0.9962, so N–S reads 1/k ≈ +0.38 % long and E–W k ≈ −0.38 % short.
    @Test func planarLengthIsWithinHalfAPercentOfGeodesicOnTheMaineCoast() throws {
        let dir = try TemporaryDirectory()
        let roads = try dir.write(
            "roads.geojson",
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"FULLNAME":"N-S"},"geometry":{"type":"LineString","coordinates":[[-69.95,43.85],[-69.95,43.95]]}},
            {"type":"Feature","properties":{"FULLNAME":"E-W"},"geometry":{"type":"LineString","coordinates":[[-70.0,43.9],[-69.85,43.9]]}}]}
            """)
        let areas = try Self.coastArea(in: dir)
        let total = try RoadNetwork.lengths(path: roads, areas: areas).totalMetres
        let geodesic = 11_111.029 + 12_051.116
        #expect(abs(total / geodesic - 1) < 0.005)
        // cs2cs EPSG:4326 → EPSG:5070 of the four end points, then Pythagoras: 11,153.789 + 12,004.914.
        #expect(abs(total - (11_153.789 + 12_004.914)) < 0.01)
    }

    @Test func missingFileIsAnIOError() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: LastmileError.self) {
            do { _ = try RoadNetwork.lengths(path: dir.file("none.shp"), areas: try Self.squares()) } catch let e
                as LastmileError
            {
                #expect(e.exitCode == 74)
                throw e
            }
        }
    }

    @Test func polygonLayerIsRefused() throws {
        let (at, message) = try #require(
            VectorSourceErrorTests.badInput {
                _ = try RoadNetwork.lengths(path: Fixtures.path("two-squares-5070.geojson"), areas: try Self.squares())
            })
        #expect(at.file.hasSuffix("two-squares-5070.geojson"))
        #expect(message.contains("Polygon") && message.contains("LineString"))
    }

    @Test func pointFeatureInAMixedLayerIsNamed() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "mixed.geojson",
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[-69.95,43.85],[-69.95,43.95]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[-69.9,43.9]}}]}
            """)
        let areas = try Self.coastArea(in: dir)
        let (at, message) = try #require(
            VectorSourceErrorTests.badInput { _ = try RoadNetwork.lengths(path: path, areas: areas) })
        #expect(at.feature == 2)
        #expect(message.contains("Point"))
    }

    @Test func layerWithoutCRSIsRefused() throws {
        let dir = try TemporaryDirectory()
        // GDAL's CSV driver reads a WKT column as geometry, with no CRS.
        let path = try dir.write("roads.csv", "WKT,MTFCC\n\"LINESTRING (2000100 2500100,2000900 2500100)\",S1400\n")
        let (at, message) = try #require(
            VectorSourceErrorTests.badInput {
                _ = try RoadNetwork.lengths(path: path, areas: try Self.squares())
            })
        #expect(at.file == path)
        #expect(message.contains("no CRS"))
    }

    @Test func missingClassFieldIsNamed() throws {
        let (at, message) = try #require(
            VectorSourceErrorTests.badInput {
                _ = try RoadNetwork.lengths(
                    path: Fixtures.path("roads-5070.geojson"), areas: try Self.squares(),
                    classField: "ROADCLASS", classes: ["S1400"])
            })
        #expect(at.column == "ROADCLASS")
        #expect(at.file.hasSuffix("roads-5070.geojson"))
        #expect(message.contains("MTFCC"))
    }
}
