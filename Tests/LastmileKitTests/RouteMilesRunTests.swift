import Foundation
import GeoModel
import TestSupport
import Testing

@testable import LastmileKit

/// Measured route miles (inputs.roads) through a whole demo run.
@Suite(.serialized) struct RouteMilesRunTests {
    static let demo = TestPaths.repo("datasets/demo/study.toml")

    static func costToPass(_ csvPath: String, area: String) throws -> Double {
        let row = try #require(try CSVText.records(atPath: csvPath).first { $0["area"] == area })
        return try #require(Double(row["cost_to_pass"] ?? ""))
    }

    /// Block group 239900001001 (130 passings). Measured: 3,031.368 m of S1200/S1400/S1640 road
    /// (SpatiaLite, RoadNetworkDemoTests) = 9,945.4 ft; blended $/ft = 0.5 × $18 + 0.5 × $8 = $13;
    /// × 1.10 contingency → 3,031.36772 / 0.3048 × 13 × 1.1 = $142,219.68.
    /// Without roads: 0.7124 × √(130 × 0.123562 mi²) = 2.85521 mi × 5,280 × 13 × 1.1 = $215,579.8.
    @Test func routeCostUsesMeasuredMiles() throws {
        let out = try TemporaryDirectory()
        let measured = try DemoStudy.run(["cost.method=\"route\"", "risk.draws=200"], in: out)
        let withRoads = try Self.costToPass(measured.outputDirectory + "/results.csv", area: "239900001001")
        #expect(abs(withRoads - 142_219.68) < 0.01)

        let estimated = try DemoStudy.run(["cost.method=\"route\"", "risk.draws=200", "inputs.roads=\"\""], in: out)
        let withoutRoads = try Self.costToPass(estimated.outputDirectory + "/results.csv", area: "239900001001")
        #expect(abs(withoutRoads - 215_579.8) < 5)  // land area rounded to 6 decimals in the comment's hand figure

        // The density method ignores the roads: same cost with and without them.
        let density = try DemoStudy.run(["risk.draws=200"], in: out)
        let densityCost = try Self.costToPass(density.outputDirectory + "/results.csv", area: "239900001001")
        #expect(abs(densityCost - withRoads) > 1_000)

        // The roads file is a fingerprinted input (role "roads") and the method page lists inputs.roads.
        let runJSON = try String(contentsOfFile: measured.outputDirectory + "/run.json", encoding: .utf8)
        #expect(runJSON.contains("\"roads\""))
        #expect(runJSON.contains("roads.geojson"))
        let study = try Study.load(path: Self.demo)
        let line = try #require(study.businessCase.lines.first { $0.key == "inputs.roads" })
        #expect(line.value.contains("roads.geojson") && line.source.hasPrefix("study file"))
    }

    @Test func roadSettingsAreChecked() throws {
        let bad = #expect(throws: LastmileError.self) {
            try Study.load(path: Self.demo, overrides: ["cost.road_classes=[1200]"])
        }
        if case .badInput(let at, let message)? = bad {
            #expect(at.column == "cost.road_classes")
            #expect(message.contains("MTFCC"))
        } else {
            Issue.record("expected badInput, got \(String(describing: bad))")
        }

        let s = try Study.load(
            path: Self.demo,
            overrides: ["cost.road_classes=[\"S1100\", \"S1200\"]", "inputs.roads_layer=\"roads_synthetic\""])
        #expect(s.businessCase.roadClasses == ["S1100", "S1200"])
        #expect(s.businessCase.roadsLayer == "roads_synthetic")
        #expect(s.businessCase.roadsPath == TestPaths.repo("datasets/demo/roads.geojson"))
    }

    @Test func missingRoadsFileIsAnIOErrorAndAMissingClassFieldIsNamed() throws {
        let out = try TemporaryDirectory()
        let missing = try Study.load(path: Self.demo, overrides: ["inputs.roads=\"no-roads.shp\"", "risk.draws=100"])
        let e = #expect(throws: LastmileError.self) {
            try StudyRunner.run(missing, options: RunOptions(outputRoot: out.path))
        }
        #expect(e?.exitCode == 74)

        // The block groups are polygons: not a line layer (65, naming the file).
        let polygons = try Study.load(
            path: Self.demo, overrides: ["inputs.roads=\"blockgroups.geojson\"", "risk.draws=100"])
        let e2 = #expect(throws: LastmileError.self) {
            try StudyRunner.run(polygons, options: RunOptions(outputRoot: out.path))
        }
        #expect(e2?.exitCode == 65)
        #expect("\(String(describing: e2))".contains("blockgroups.geojson"))
    }
}
