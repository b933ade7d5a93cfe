import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

@Suite struct GeoPackageWriterTests {
    static let fields: [FieldDefinition] = [.string("geoid"), .integer64("locations"), .real("share_served")]

    /// A square with a hole, and a separate triangle: rings written without closing points.
    static let holed = MultiPolygon(polygons: [
        Polygon(
            exterior: [Point(x: -70, y: 44), Point(x: -69.9, y: 44), Point(x: -69.9, y: 44.1), Point(x: -70, y: 44.1)],
            holes: [
                [
                    Point(x: -69.97, y: 44.03), Point(x: -69.97, y: 44.07), Point(x: -69.93, y: 44.07),
                    Point(x: -69.93, y: 44.03),
                ]
            ]),
        Polygon(exterior: [Point(x: -69.5, y: 44), Point(x: -69.4, y: 44), Point(x: -69.45, y: 44.05)]),
    ])
    static let square = MultiPolygon(polygons: [
        Polygon(exterior: [
            Point(x: -68, y: 45), Point(x: -67.9, y: 45), Point(x: -67.9, y: 45.1), Point(x: -68, y: 45.1),
        ])
    ])

    @Test func writesAGeoPackageThatGDALAndOgrinfoRead() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("coverage.gpkg")
        let writer = try GeoPackageWriter(path: path, layerName: "tracts", fields: Self.fields)
        #expect(
            try writer.add(geometry: Self.holed, values: [.string("23023000100"), .integer(5_842), .real(0.75)]) == 1)
        #expect(try writer.add(geometry: Self.square, values: [.string("23023000200"), nil, nil]) == 2)
        #expect(try writer.add(geometry: Self.square, values: [.string("0042"), .integer(-1), .real(1e-3)]) == 3)
        // Nothing at the final path until close.
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.close()
        try writer.close()  // a second close does nothing
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["coverage.gpkg"])

        // Read back through GDAL.
        let d = try VectorSource.describe(path: path)
        #expect(d.driver == "GPKG")
        let layer = try #require(d.layers.first)
        #expect(layer.name == "tracts")
        #expect(layer.featureCount == 3)
        #expect(layer.geometryType == "Multi Polygon")
        #expect(layer.crs?.epsg == 4326)
        #expect(
            layer.fields == [
                FieldDescription(name: "geoid", type: "String"),
                FieldDescription(name: "locations", type: "Integer64"),
                FieldDescription(name: "share_served", type: "Real"),
            ])
        let records = try VectorSource.readFeatures(path: path, idField: "geoid")
        #expect(
            records.map(\.attributes) == [
                ["geoid": "23023000100", "locations": "5842", "share_served": "0.75"],
                ["geoid": "23023000200"],
                ["geoid": "0042", "locations": "-1", "share_served": "0.001"],
            ])
        let areas = try VectorSource.readAreas(path: path, idField: "geoid")
        #expect(areas[0].geographicGeometry == Self.holed)  // exact doubles; closing points dropped again
        #expect(areas[1].geographicGeometry == Self.square)

        // Independently, with ogrinfo.
        let summary = try ExternalTool.run("ogrinfo", ["-so", "-al", path])
        #expect(summary.status == 0, "\(summary.errorOutput)")
        for line in [
            "Layer name: tracts", "Geometry: Multi Polygon", "Feature Count: 3", "FID Column = fid",
            "Geometry Column = geom", "geoid: String (0.0)", "locations: Integer64 (0.0)", "share_served: Real (0.0)",
        ] {
            #expect(summary.output.contains(line), "ogrinfo -so lacks '\(line)'")
        }
        let one = try ExternalTool.run("ogrinfo", ["-q", "-al", "-where", "fid = 1", path])
        #expect(one.output.contains("geoid (String) = 23023000100"))
        #expect(one.output.contains("locations (Integer64) = 5842"))
        // OGR's WKT writer prints "44.0" next to coordinates with decimals; rings closed by OGR_G_CloseRings.
        #expect(
            one.output.contains(
                "MULTIPOLYGON (((-70 44,-69.9 44.0,-69.9 44.1,-70 44.1,-70 44),"
                    + "(-69.97 44.03,-69.97 44.07,-69.93 44.07,-69.93 44.03,-69.97 44.03)),"
                    + "((-69.5 44.0,-69.4 44.0,-69.45 44.05,-69.5 44.0)))"))
        let nulls = try ExternalTool.run("ogrinfo", ["-q", "-al", "-geom=NO", "-where", "fid = 2", path])
        #expect(nulls.output.contains("locations (Integer64) = (null)"))
    }

    @Test func writesAllHawaiiTractsAndReadsThemBackUnchanged() throws {
        let source = TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson")
        let areas = try VectorSource.readAreas(path: source, idField: "GEOID")
        let dir = try TemporaryDirectory()
        let path = dir.file("hawaii.gpkg")
        let writer = try GeoPackageWriter(
            path: path, layerName: "areas",
            fields: [.string("geoid"), .string("name"), .real("aland_m2")])
        for area in areas {
            try writer.add(
                geometry: area.geographicGeometry,
                values: [.string(area.id.rawValue), .string(area.name), area.landAreaSquareMetres.map { .real($0) }])
        }
        try writer.close()
        let count = try ExternalTool.run("ogrinfo", ["-so", "-al", path])
        #expect(count.output.contains("Feature Count: 351"))
        let back = try VectorSource.readAreas(
            path: path, idField: "geoid", nameField: "name", landAreaField: "aland_m2")
        #expect(back.map(\.id) == areas.map(\.id))
        #expect(back.map(\.geographicGeometry) == areas.map(\.geographicGeometry))
        #expect(back.map(\.landAreaSquareMetres) == areas.map(\.landAreaSquareMetres))
    }

    @Test func withoutCloseNothingIsLeftBehind() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("abandoned.gpkg")
        do {
            let writer = try GeoPackageWriter(path: path, layerName: "tracts", fields: Self.fields)
            try writer.add(geometry: Self.square, values: [.string("1"), .integer(1), .real(1)])
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count >= 1)  // the temporary file
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    @Test func closeReplacesAnExistingFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("old.gpkg", "not a geopackage")
        let writer = try GeoPackageWriter(path: path, layerName: "tracts", fields: Self.fields)
        try writer.add(geometry: Self.square, values: [.string("1"), .integer(1), .real(1)])
        try writer.close()
        #expect(try VectorSource.describe(path: path).layers.first?.featureCount == 1)
    }

    @Test func rejectsValuesThatDoNotMatchTheFields() throws {
        let dir = try TemporaryDirectory()
        let writer = try GeoPackageWriter(path: dir.file("x.gpkg"), layerName: "tracts", fields: Self.fields)
        #expect(throws: LastmileError.self) { try writer.add(geometry: Self.square, values: [.string("1")]) }
        #expect(throws: LastmileError.self) {
            try writer.add(geometry: Self.square, values: [.string("1"), .real(2.5), .real(1)])
        }
        #expect(writer.featureCount == 0)
    }

    @Test func unwritableFolderIsAnIOError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("missing-folder/out.gpkg")
        do {
            _ = try GeoPackageWriter(path: path, layerName: "tracts", fields: Self.fields)
            Issue.record("expected an io error")
        } catch let error as LastmileError {
            guard case .io(let at, _) = error else {
                Issue.record("got \(error)")
                return
            }
            #expect(at == path)
            #expect(error.exitCode == 74)
        }
    }
}
