import Foundation
import TestSupport
import Testing

/// `lastmile speeds`: the Hawaii fixed tiles of 2023 Q4 over the 351 Hawaii tracts, printed whole; every
/// tract's tiles, tests and devices equal `Tests/IngestTests/Fixtures/ookla_by_area.py` (json module).
@Suite struct SpeedsCommandTests {
    static let tiles = TestPaths.realData("ookla-tiles-hawaii/fixed_hawaii-state_ookla_2023Q4.geojson")
    static let tracts = TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson")
    static let note =
        "lastmile: 4432 tiles read, 10 outside every area (left out). Speed tests: fixed_hawaii-state_ookla_2023Q4.geojson (fixed, 2023 Q4). Speedtest® by Ookla® Global Fixed and Mobile Network Performance Maps, © Ookla, LLC, CC BY-NC-SA 4.0\n"

    @Test func theTableEqualsAnIndependentJoin() throws {
        let r = try CommandLineRun.lastmile(
            ["speeds", Self.tiles, "--areas", Self.tracts, "--id", "GEOID"], stderr: .exactly(Self.note))
        let rows = CSVText.records(r.stdout)
        let python = try CommandLineRun.output(
            "python3",
            [TestPaths.repo("Tests/IngestTests/Fixtures/ookla_by_area.py"), Self.tiles, Self.tracts, "GEOID"]
        ).split(separator: "\n").map { $0.split(separator: " ").prefix(4).joined(separator: " ") }
        #expect(rows.count == 351)
        #expect(
            rows.map {
                [$0["area"]!, $0["speed_tiles"]!, $0["speed_tests"]!, $0["speed_devices"]!].joined(separator: " ")
            } == python)
        #expect(r.stdout.hasSuffix("\n") && !r.stdout.hasSuffix("\n\n"))

        let json = try CommandLineRun.lastmile(
            ["speeds", Self.tiles, "--areas", Self.tracts, "--id", "GEOID", "--format", "json", "-q"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["areas"] as? [Any])?.count == 351)
        #expect(object["tiles_read"] as? Int == 4_432)
        #expect(object["tiles_outside_areas"] as? Int == 10)
    }

    @Test func aMissingIdColumnIsNamed() throws {
        let r = try CommandLineRun.lastmile(
            ["speeds", Self.tiles, "--areas", Self.tracts, "--id", "TRACTID"], expecting: .exit(65),
            stderr: .containing("TRACTID"))
        #expect(r.stdout.isEmpty)
        try CommandLineRun.lastmile(
            ["speeds", TestPaths.repo("no-such-tiles.geojson"), "--areas", Self.tracts, "--id", "GEOID"],
            expecting: .exit(74), stderr: .containing("no-such-tiles.geojson: no such file"))
    }
}
