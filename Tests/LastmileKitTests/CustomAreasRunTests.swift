import Foundation
import GeoModel
import TestSupport
import Testing

@testable import LastmileKit

/// Custom study areas (study.area_level = "custom"): the demo's Harborton wards (datasets/demo/wards.toml)
/// through a whole run, against an independent join.
@Suite(.serialized) struct CustomAreasRunTests {
    static let wards = TestPaths.repo("datasets/demo/wards.toml")

    /// The expected figures come from a separate Python script (csv module, its own even-odd
    /// point-in-polygon test over wards.geojson, the BEAD 2022 rule by hand over bdc_fixed_demo.csv):
    /// 3,101 of locations.csv's 6,266 locations lie in a ward (ward 3's hole and ward 4's detached part
    /// included), 3,165 outside every ward. Households: each ACS block group once (the file repeats
    /// 239900002004), whole in the ward holding most of its locations (ties: the lower ward), B11001 summed.
    static let expected: [String: (unserved: Int, underserved: Int, served: Int, households: Int)] = [
        "1": (31, 132, 674, 781), "2": (36, 87, 743, 769), "3": (8, 118, 504, 646), "4": (42, 99, 627, 643),
    ]

    @Test func wardsCountAsAnIndependentJoinDoes() throws {
        let out = try TemporaryDirectory()
        let study = try Study.load(path: Self.wards, overrides: ["risk.draws=200"])
        #expect(study.areaKind == .custom)
        let run = try StudyRunner.run(study, options: RunOptions(outputRoot: out.path))
        #expect(run.results.map(\.id.rawValue) == ["1", "2", "3", "4"])
        for r in run.results {
            let e = try #require(Self.expected[r.id.rawValue])
            #expect(r.counts.unserved == e.unserved && r.counts.underserved == e.underserved, "ward \(r.id)")
            #expect(r.counts.served == e.served, "ward \(r.id)")
            #expect(r.demographics?.households == e.households, "ward \(r.id)")
            #expect(r.demographics?.medianHouseholdIncome == nil)
            // A custom shape without ALAND takes its area in the equal-area CRS.
            #expect((r.landAreaSquareMiles ?? 0) > 1)
        }
        #expect(run.totals.locations == 3_101)
        #expect(run.diagnostics.contains { $0.contains("3165 lie outside every area and are left out") })
        #expect(run.diagnostics.contains { $0.contains("29 block groups") && $0.contains("18 straddle") })

        // locations.csv puts each location in its ward; the run store holds the same, read by sqlite3.
        let rows = try CSVText.records(atPath: run.outputDirectory + "/locations.csv")
        #expect(rows.count == 3_101)
        let byWard = Dictionary(grouping: rows) { $0["area"] ?? "" }.mapValues(\.count)
        #expect(byWard == Self.expected.mapValues { $0.unserved + $0.underserved + $0.served })
        let stored = try CommandLineRun.sqlite3(
            out.path + "/runs.sqlite",
            "SELECT area_id || '=' || count(*) FROM locations WHERE run_id = '\(run.runID)' GROUP BY area_id ORDER BY area_id"
        )
        #expect(stored.stdout.split(separator: "\n") == ["1=837", "2=866", "3=630", "4=768"])
        // The method page says how locations reach custom areas.
        let method = try String(contentsOfFile: run.outputDirectory + "/report-content.json", encoding: .utf8)
        #expect(method.contains("the shape that contains its coordinates"))
    }

    @Test func customAreasNeedALocationsFileWithCoordinates() throws {
        let noLocations = #expect(throws: LastmileError.self) {
            try Study.load(path: Self.wards, overrides: ["inputs.locations=\"\""])
        }
        if case .badInput(let at, let message)? = noLocations {
            #expect(at.column == "study.area_level" && message.contains("inputs.locations"))
        } else {
            Issue.record("expected badInput, got \(String(describing: noLocations))")
        }

        let out = try TemporaryDirectory()
        let bare = out.path + "/no-coordinates.csv"
        try "location_id,block_geoid\n1080112,239900003001014\n".write(toFile: bare, atomically: true, encoding: .utf8)
        let noPoints = #expect(throws: LastmileError.self) {
            try StudyRunner.run(
                try Study.load(path: Self.wards, overrides: ["inputs.locations=\"\(bare)\""]),
                options: RunOptions(outputRoot: out.path))
        }
        if case .badInput(let at, let message)? = noPoints {
            #expect(at.file == bare && at.column == "latitude" && message.contains("latitude and longitude"))
        } else {
            Issue.record("expected badInput, got \(String(describing: noPoints))")
        }
        // Nothing is left at a final path, and the run is recorded as failed.
        let folder = out.path + "/harborton-wards"
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(left.isEmpty)
    }

    @Test func shapesOfAnotherPlaceAreRefused() throws {
        let out = try TemporaryDirectory()
        let far = out.path + "/far.geojson"
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"WARD":"9"},
        "geometry":{"type":"Polygon","coordinates":[[[-100,40],[-99,40],[-99,41],[-100,41],[-100,40]]]}}]}
        """.write(toFile: far, atomically: true, encoding: .utf8)
        let error = #expect(throws: LastmileError.self) {
            try StudyRunner.run(
                try Study.load(path: Self.wards, overrides: ["inputs.areas=\"\(far)\""]),
                options: RunOptions(outputRoot: out.path))
        }
        if case .badInput(let at, let message)? = error {
            #expect(at.column == "latitude" && message.contains("lies in an area of far.geojson"))
        } else {
            Issue.record("expected badInput, got \(String(describing: error))")
        }
    }
}
