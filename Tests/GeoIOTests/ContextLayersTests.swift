import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

/// The maps' context layers (water, places) read through GDAL, against ogr2ogr's own reprojection.
@Suite struct ContextLayersTests {
    static let water = TestPaths.repo("datasets/demo/water.geojson")
    static let places = TestPaths.repo("datasets/demo/places.geojson")
    static let areas = TestPaths.repo("datasets/demo/blockgroups.geojson")

    static func demoExtent() throws -> BoundingBox {
        try VectorSource.readAreas(path: areas, idField: "GEOID").reduce(BoundingBox.empty) {
            $0.union($1.geometry.boundingBox)
        }
    }

    /// Independent: `ogr2ogr -t_srs EPSG:5070` then SpatiaLite's ST_Area per feature. The bay is two
    /// parts (the peninsula reaches the southern edge); the ponds one each.
    @Test func waterIsEveryPolygonInTheStudyCRSWithSpatiaLitesAreas() throws {
        let water = try ContextLayers.water(path: Self.water, extent: try Self.demoExtent())
        #expect(water.count == 3)
        #expect(water.map(\.polygons.count) == [2, 1, 1])
        let dir = try TemporaryDirectory()
        let gpkg = dir.file("water.gpkg")
        let made = try ExternalTool.run(
            "ogr2ogr", ["-f", "GPKG", gpkg, Self.water, "-nln", "w", "-t_srs", "EPSG:5070"])
        try #require(made.status == 0, "\(made.errorOutput)")
        let info = try ExternalTool.run(
            "ogrinfo",
            ["-ro", "-q", gpkg, "-dialect", "sqlite", "-sql", "SELECT ST_Area(geom) AS a FROM w ORDER BY fid"])
        try #require(info.status == 0, "\(info.errorOutput)")
        let areas = info.output.split(separator: "\n").compactMap { line -> Double? in
            guard line.contains("a (Real) = ") else { return nil }
            return Double(line.split(separator: "=").last!.trimmingCharacters(in: .whitespaces))
        }
        #expect(areas.count == 3)
        for (shape, expected) in zip(water, areas) {
            #expect(abs(shape.area - expected) / expected < 1e-9, "\(shape.area) vs \(expected)")
        }
    }

    @Test func placesAreNamedPointsInTheStudyCRS() throws {
        let places = try ContextLayers.places(path: Self.places, extent: try Self.demoExtent())
        #expect(places.map(\.name).prefix(2) == ["Harborton", "Millbrook"])
        #expect(places.count == 8)
        #expect(!places.contains { $0.isArea })
        // Harborton in EPSG:5070, from `ogr2ogr -t_srs EPSG:5070` of the same file.
        let dir = try TemporaryDirectory()
        let out = dir.file("p.csv")
        let made = try ExternalTool.run(
            "ogr2ogr", ["-f", "CSV", out, Self.places, "-t_srs", "EPSG:5070", "-lco", "GEOMETRY=AS_XY"])
        try #require(made.status == 0, "\(made.errorOutput)")
        let first = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")[1].split(separator: ",")
        let x = try #require(Double(first[0]))
        let y = try #require(Double(first[1]))
        #expect(abs(places[0].point.x - x) < 1e-6 && abs(places[0].point.y - y) < 1e-6)
    }

    @Test func polygonPlacesAreLabelledAtTheirLargestPart() throws {
        // The demo's block groups read as places by NAMELSAD: polygons, each at its label point.
        let places = try ContextLayers.places(path: Self.areas, nameField: "NAMELSAD", extent: try Self.demoExtent())
        let areas = try VectorSource.readAreas(path: Self.areas, idField: "GEOID")
        #expect(places.count == 54)
        #expect(places.allSatisfy { $0.isArea })
        #expect(places[0].point == areas[0].geometry.labelPoint)
    }

    @Test func aLayerWithoutANameFieldIsRefusedNamingTheFieldsTried() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("towns.geojson")
        try
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"TOWN":"A"},"geometry":{"type":"Point","coordinates":[-69.9,43.9]}}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LastmileError.self) { try ContextLayers.places(path: path, extent: .empty) }
        do {
            _ = try ContextLayers.places(path: path, extent: .empty)
        } catch {
            #expect("\(error)".contains("towns.geojson"))
            #expect("\(error)".contains("no name field (tried NAME, FULLNAME, NAMELSAD, name"))
        }
        // Named explicitly, it is read.
        #expect(try ContextLayers.places(path: path, nameField: "TOWN", extent: .empty).map(\.name) == ["A"])
    }

    @Test func linesAsWaterAreRefusedNamingTheFeature() throws {
        do {
            _ = try ContextLayers.water(path: TestPaths.repo("datasets/demo/roads.geojson"), extent: .empty)
            Issue.record("roads read as water")
        } catch {
            #expect("\(error)".contains("roads.geojson, feature 1"))
            #expect("\(error)".contains("expected water polygons"))
        }
    }
}
