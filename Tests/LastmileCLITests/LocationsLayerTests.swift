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

    /// An anchor given by coordinates is placed at the nearest location of the locations file within
    /// 100 m; `nearest_location.py` (haversine over the file) finds the same location at the same distance.
    @Test func anAnchorGivenByCoordinatesIsPlacedAtTheNearestLocation() throws {
        let dir = try TemporaryDirectory()
        let fixtures = TestPaths.repo("Tests/IngestTests/Fixtures")
        try CommandLineRun.lastmile(
            [
                "run", Self.demoStudy, "--set", "inputs.locations=locations.csv", "--set",
                "inputs.anchor_institutions=\(fixtures)/cai_demo.csv", "--out", dir.file("out"), "--store",
                dir.file("runs.sqlite"), "--no-progress",
            ],
            stderr: .containing(
                "3 community anchor institutions (inputs.anchor_institutions): 3 lack 1 Gbps symmetrical service and are eligible; 1 placed by its coordinates at the nearest location of the locations file (within 100 m); 1 has no location id"
            ))
        let python = try CommandLineRun.output(
            "python3", ["\(fixtures)/nearest_location.py", Self.demoLocations, "43.834210", "-69.849569", "100"])
        #expect(python == "1080112 11\n")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.file("out"))
        let anchors = try CSVText.records(
            atPath: dir.file("out/" + (try #require(files.first { $0.hasSuffix("/anchors.csv") }))))
        #expect(anchors.map { $0["location_id"] } == ["1507519", "1080112", ""])
        #expect(anchors.map { $0["metres_from_coordinates"] } == ["", "11", ""])
        #expect(anchors.map { $0["area"] } == ["239900001007", "239900003001", ""])
        // Neither location has a symmetrical gigabit record (the demo's BDC rows, read with python: 1507519
        // best 300/20, 1080112 best 1000/35), and the hall is not placed: all three are eligible.
        #expect(anchors.map { $0["gigabit_symmetric"] } == ["0", "0", "0"])
        #expect(anchors.map { $0["eligible"] } == ["1", "1", "1"])
    }
}
