import Foundation
import TestSupport
import Testing

/// Inputs that are not bounded text: an overlong line, a 1 GB file without a line break, a FIFO, a
/// link to /dev/zero, an absurd thread count. Each ends quickly with its documented exit code; none
/// hangs or buffers without limit (`timeout` kills a hang, which fails the test with 124).
@Suite struct BoundedInputTests {
    static let header = try! String(contentsOfFile: BadInputCase.folder + "/base/availability.csv", encoding: .utf8)

    /// `lastmile` under `timeout 60`, checked as `CommandLineRun.lastmile` checks (a hang is exit 124).
    @discardableResult
    static func lastmile(
        _ arguments: [String], expecting exit: ExpectedExit = .success,
        stderr: ExpectedStderr = .empty,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        let r = try CommandLineRun.run("timeout", ["60", CommandLineRun.lastmileExecutable] + arguments)
        CommandLineRun.check(
            r, command: ["timeout", "60", "lastmile"] + arguments, expecting: exit, stderr: stderr,
            sourceLocation: sourceLocation)
        return r
    }

    @Test func aLineLongerThan1MiBIs65NamingItsLine() throws {
        let dir = try TemporaryDirectory()
        // Header, five rows, then a 2 MiB line (inside one 4 MiB chunk) and, in another file, a 5 MiB one.
        let inChunk = try dir.write("long.csv", Self.header + String(repeating: "x", count: 2 << 20) + "\n")
        let beyondChunk = try dir.write("longer.csv", Self.header + String(repeating: "y", count: 5 << 20) + "\n")
        for path in [inChunk, beyondChunk] {
            try Self.lastmile(
                ["classify", path, "--by", "county"], expecting: .exit(65),
                stderr: .containing("\(path), line 7: the line is longer than 1 MiB (1048576 bytes)"))
        }
        let header = try dir.write("header.csv", String(repeating: "h", count: 3 << 20))
        for command in ["classify", "inspect"] {
            try Self.lastmile(
                command == "classify" ? [command, header, "--by", "county"] : [command, header],
                expecting: .exit(65), stderr: .containing("header.csv, line 1: the line is longer than 1 MiB"))
        }
    }

    @Test func aSparse1GBFileWithoutALineBreakIs65Quickly() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("sparse.csv")
        #expect(try CommandLineRun.run("truncate", ["-s", "1G", path]).status == 0)
        try Self.lastmile(
            ["classify", path, "--by", "county"], expecting: .exit(65),
            stderr: .containing("sparse.csv, line 1: the line is longer than 1 MiB"))
    }

    @Test func aFIFOOrALinkToDevZeroIsSkippedByInitAndRefusedByEveryReader() throws {
        let dir = try TemporaryDirectory()
        try dir.write("availability.csv", Self.header)
        #expect(try CommandLineRun.run("mkfifo", [dir.file("pipe.csv")]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.file("zero.csv"), withDestinationPath: "/dev/zero")
        let initRun = try Self.lastmile(["init", dir.path])
        #expect(initRun.stdout.contains("availability: 1 file"), "\(initRun.stdout)")
        #expect(
            initRun.stdout.contains("skipped pipe.csv: a FIFO (named pipe), not a regular file"), "\(initRun.stdout)")
        #expect(
            initRun.stdout.contains("skipped zero.csv: a character device, not a regular file"), "\(initRun.stdout)")
        for (name, kind) in [("pipe.csv", "a FIFO (named pipe)"), ("zero.csv", "a character device")] {
            for args in [["inspect", dir.file(name)], ["classify", dir.file(name), "--by", "county"]] {
                try Self.lastmile(
                    args, expecting: .exit(74),
                    stderr: .containing("\(dir.file(name)): cannot read: \(kind), not a regular file"))
            }
        }
    }

    @Test func threadsAreCappedAtFourPerCore() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("availability.csv", Self.header)
        let one = try Self.lastmile(
            ["classify", path, "--by", "county", "--threads", "1"],
            stderr: .containing(Warnings.incompleteUniverse))
        let many = try Self.lastmile(
            ["classify", path, "--by", "county", "--threads", "100000"],
            stderr: .containing(Warnings.incompleteUniverse))
        #expect(many.stdout == one.stdout)
        #expect(many.stderr == one.stderr)
    }
}

/// A 2,000,000-vertex area with a road layer is refused before GEOS buffers it (it did not finish in
/// 120 s): 65 naming the areas file, the area and its vertex count, quickly (`timeout` kills a hang).
@Suite struct PathologicalAreaTests {
    /// The corpus' two block groups, the second with `count` extra vertices along its south edge; and
    /// one road across both. The areas are written as GeoJSON and converted to a GeoPackage.
    static func study(in dir: TemporaryDirectory, count: Int) throws -> String {
        for f in ["study.toml", "availability.csv", "acs.csv"] {
            try FileManager.default.copyItem(atPath: BadInputCase.folder + "/base/" + f, toPath: dir.file(f))
        }
        var edge = ""
        edge.reserveCapacity(count * 30)
        for i in 0..<count { edge += "[\(-69.84 + 0.01 * Double(i + 1) / Double(count + 1)),43.82]," }
        let squareA = "[[-69.85,43.82],[-69.84,43.82],[-69.84,43.83],[-69.85,43.83],[-69.85,43.82]]"
        let squareB = "[[-69.84,43.82]," + edge + "[-69.83,43.82],[-69.83,43.83],[-69.84,43.83],[-69.84,43.82]]"
        func feature(_ id: String, _ ring: String) -> String {
            #"{"type":"Feature","properties":{"GEOID":"\#(id)","NAMELSAD":"BG \#(id.suffix(1))"},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
        }
        let geojson = try dir.write(
            "areas.geojson",
            #"{"type":"FeatureCollection","features":["# + feature("239900001001", squareA) + ","
                + feature("239900001002", squareB) + "]}")
        // A GeoJSON object this large is beyond GDAL's default limit; a GeoPackage holds it.
        let converted = try CommandLineRun.run(
            "ogr2ogr",
            [
                "--config", "OGR_GEOJSON_MAX_OBJ_SIZE", "0", "-f", "GPKG",
                dir.file("areas.gpkg"), geojson, "-nln", "areas",
            ])
        guard converted.status == 0 else { throw LastmileTestFailure("ogr2ogr failed: \(converted.stderr)") }
        try dir.write(
            "roads.geojson",
            #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[-69.849,43.825],[-69.831,43.825]]}}]}"#
        )
        return dir.file("study.toml")
    }

    /// `lastmile run` under `timeout -s KILL 120`, expected to exit 65 with `stderr`.
    static func run(
        _ study: String, _ dir: TemporaryDirectory, areas: String, stderr: ExpectedStderr,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let arguments = [
            "run", study, "--out", dir.file("out"), "--no-progress", "--set", "risk.draws=100",
            "--set", "inputs.roads=roads.geojson", "--set", "inputs.areas=\(areas)",
        ]
        let r = try CommandLineRun.run("timeout", ["-s", "KILL", "120", CommandLineRun.lastmileExecutable] + arguments)
        CommandLineRun.check(
            r, command: ["timeout", "-s", "KILL", "120", "lastmile"] + arguments, expecting: .exit(65),
            stderr: stderr, sourceLocation: sourceLocation)
    }

    @Test func anAreaOf2MillionVerticesIs65NamingItAndGDALsOwnReasonIsKept() throws {
        let dir = try TemporaryDirectory()
        let study = try Self.study(in: dir, count: 2_000_000)
        try Self.run(
            study, dir, areas: "areas.gpkg",
            stderr: .containing(
                "areas.gpkg: area '239900001002' has 2000004 vertices; road lengths are measured for areas of at most 250000"
            ))
        // The GeoJSON form is refused by GDAL itself, and its own reason reaches the planner.
        try Self.run(
            study, dir, areas: "areas.geojson",
            stderr: .containing(
                "GeoJSON object too complex/large. You may define the OGR_GEOJSON_MAX_OBJ_SIZE"))
    }
}
