import Foundation
import TestSupport
import Testing

/// results.gpkg's `locations` layer: the locations file's coordinates with locations.csv's columns, in
/// the full edition only. Read back by GDAL's own `ogr2ogr` (points as X/Y columns) and compared with
/// the demo's locations file and the run's locations.csv.
@Suite struct LocationsLayerTests {
    static let demoStudy = TestPaths.repo("datasets/demo/study.toml")
    static let demoLocations = TestPaths.repo("datasets/demo/locations.csv")

    static func run(_ dir: TemporaryDirectory, _ more: [String] = []) throws -> String {
        try CommandLineRun.lastmile(
            [
                "run", demoStudy, "--set", "inputs.locations=locations.csv", "--out", dir.file("out"), "--store",
                dir.file("runs.sqlite"), "-q",
            ] + more, stderr: .allowed)
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.file("out"))
        return dir.file("out/" + (try #require(files.first { $0.hasSuffix("/results.gpkg") })))
    }

    @Test func everyLocationIsAPointAtItsFabricCoordinates() throws {
        let dir = try TemporaryDirectory()
        let gpkg = try Self.run(dir)
        let dumped = try CommandLineRun.output(
            "ogr2ogr", ["-f", "CSV", "/vsistdout/", gpkg, "locations", "-lco", "GEOMETRY=AS_XY"])
        let points = CSVText.records(dumped)
        let listed = try CSVText.records(atPath: Self.demoLocations)
        #expect(points.count == 6_266)
        #expect(listed.count == 6_266)
        let byID = Dictionary(uniqueKeysWithValues: points.map { ($0["location_id"]!, $0) })
        for l in listed {
            let p = try #require(byID[l["location_id"]!])
            #expect(abs(Double(p["X"]!)! - Double(l["longitude"]!)!) < 1e-9)
            #expect(abs(Double(p["Y"]!)! - Double(l["latitude"]!)!) < 1e-9)
            #expect(p["block_geoid"] == l["block_geoid"])
        }
        // The layer's classes are locations.csv's.
        let csvPath = gpkg.replacingOccurrences(of: "results.gpkg", with: "locations.csv")
        let rows = try CSVText.records(atPath: csvPath)
        #expect(rows.count == 6_266)
        for r in rows { #expect(byID[r["location_id"]!]?["class"] == r["class"]) }
        #expect(rows.filter { $0["class"] == "unserved" }.count == 2_030)
    }

    @Test func thePublicEditionLeavesTheLayerOut() throws {
        let dir = try TemporaryDirectory()
        let gpkg = try Self.run(dir, ["--public"])
        let layers = try CommandLineRun.output("ogrinfo", ["-q", gpkg])
        #expect(layers.contains("areas"))
        #expect(!layers.contains("locations"))
    }

    @Test func aLatitudeOutOfRangeIs65NamingLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        var lines = try String(contentsOfFile: Self.demoLocations, encoding: .utf8).split(separator: "\n")
        lines[3] = "1000003,95.5,-69.8,239900001007017"
        let locations = try dir.write("locations.csv", lines.joined(separator: "\n") + "\n")
        try CommandLineRun.lastmile(
            [
                "run", Self.demoStudy, "--set", "inputs.locations=\(locations)", "--out", dir.file("out"), "--store",
                dir.file("runs.sqlite"), "-q",
            ],
            expecting: .exit(65), stderr: .containing("locations.csv, line 4, column 'latitude'", "-90 to 90", "95.5"))
    }
}
