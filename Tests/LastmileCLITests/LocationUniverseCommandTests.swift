import Foundation
import TestSupport
import Testing

/// Whether a run counts every location, and what it says when it does not: the real June 2023
/// fiber-only file of Sagadahoc County (datasets/real/fcc-bdc-maine) over the 16 Maine counties.
@Suite struct LocationUniverseCommandTests {
    static let fiber = TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv")
    static let counties = TestPaths.realData("census-covered-populations/maine_counties_tiger2019_covered_pop.geojson")

    static func study(in dir: TemporaryDirectory, locations: String? = nil) throws -> String {
        try dir.write(
            "study.toml",
            """
            [study]
            name = "Sagadahoc fiber only"
            area_level = "county"
            [inputs]
            areas = "\(counties)"
            areas_id = "GEOID"
            availability = ["\(fiber)"]
            \(locations.map { "locations = \"\($0)\"" } ?? "")
            [risk]
            draws = 200
            """)
    }

    static func runJSON(_ dir: TemporaryDirectory) throws -> [String: Any] {
        let out = dir.file("out")
        let study = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out).first {
                !$0.hasPrefix(".") && !$0.hasSuffix(".sqlite")
            })
        let run = try #require(
            try FileManager.default.contentsOfDirectory(atPath: "\(out)/\(study)").first { !$0.hasPrefix(".") })
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(study)/\(run)/run.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func fiberOnlyStudySaysIncompleteAndStrictRefuses() throws {
        let dir = try TemporaryDirectory()
        let study = try Self.study(in: dir)
        try CommandLineRun.lastmile(
            [
                "run", study, "--out", dir.file("out"), "--store", dir.file("out/runs.sqlite"),
                "--no-progress",
            ],
            stderr: .containing("The location universe is incomplete", Warnings.fifteenEmptyCounties))
        let run = try Self.runJSON(dir)
        let universe = try #require(run["location_universe"] as? [String: Any])
        #expect(universe["complete"] as? Bool == false)
        #expect(universe["technology_families_present"] as? [String] == ["fiber"])
        #expect(
            universe["technology_families_missing"] as? [String]
                == ["copper", "cable", "unlicensed_fixed_wireless", "licensed_fixed_wireless", "satellite"])
        #expect((run["diagnostics"] as? [String])?.first?.hasPrefix("The location universe is incomplete") == true)

        let pdf = try #require(
            try FileManager.default.subpathsOfDirectory(atPath: dir.file("out")).first { $0.hasSuffix("report.pdf") })
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let cover = words(try CommandLineRun.output("pdftotext", ["-f", "1", "-l", "1", dir.file("out/\(pdf)"), "-"]))
        #expect(cover.contains("The location universe is incomplete"))
        #expect(cover.contains("satellite (60, 61)"))
        let summary = words(
            try CommandLineRun.output("pdftotext", ["-f", "2", "-l", "2", dir.file("out/\(pdf)"), "-"]))
        #expect(summary.contains("Unserved may be undercounted"))

        let gpkg = dir.file("out/" + pdf.replacingOccurrences(of: "report.pdf", with: "results.gpkg"))
        let info = try CommandLineRun.output("ogrinfo", ["-so", gpkg, "areas"])
        #expect(info.contains("LASTMILE_LOCATION_UNIVERSE=incomplete"))

        let strict = try CommandLineRun.lastmile(
            [
                "run", study, "--out", dir.file("strict"), "--store", dir.file("strict/runs.sqlite"),
                "--no-progress", "--strict",
            ],
            expecting: .exit(65),
            stderr: .containing(
                "study.toml, column 'inputs.availability': --strict: The location universe is incomplete"))
        #expect(strict.stdout.isEmpty)
    }

    /// A hand-made locations file: three locations of the fiber file (one unserved, one underserved,
    /// one served: classes from python3's csv module), two listed locations with no availability row
    /// (unserved, as NTIA counts), and one row that is not a serviceable location (bsl_flag False).
    @Test func locationsFileIsTheUniverse() throws {
        let dir = try TemporaryDirectory()
        let locations = try dir.write(
            "fabric.csv",
            """
            location_id,address_primary,city,state,zip,unit_count,bsl_flag,block_geoid,latitude,longitude
            1102824129,"1 Fabricquay St, Unit 2",Bath,ME,04530,1,True,230239703022030,43.917531,-69.823119
            1102835596,2 Main St,Bath,ME,04530,1,True,230239705005008,43.92,-69.83
            1102830633,3 Main St,Bath,ME,04530,1,True,230239705001005,43.93,-69.84
            999000001,4 Hill Rd,Bowdoin,ME,04287,1,True,230239701001000,44.01,-69.95
            999000002,5 Hill Rd,Bowdoin,ME,04287,1,True,230239701001001,44.02,-69.96
            999000003,6 Hill Rd,Bowdoin,ME,04287,0,False,230239701001002,44.03,-69.97

            """)
        let study = try Self.study(in: dir, locations: locations)
        try CommandLineRun.lastmile(
            [
                "run", study, "--out", dir.file("out"), "--store", dir.file("out/runs.sqlite"),
                "--no-progress", "--format", "json",
            ],
            stderr: .containing(
                Warnings.fifteenEmptyCounties,
                "5717 locations of the availability files are not in the locations file"))
        let run = try Self.runJSON(dir)
        let totals = try #require(run["totals"] as? [String: Any])
        #expect(totals["locations"] as? Int == 5)
        #expect(totals["unserved"] as? Int == 3)
        #expect(totals["underserved"] as? Int == 1)
        #expect(totals["served"] as? Int == 1)
        let universe = try #require(run["location_universe"] as? [String: Any])
        #expect(universe["complete"] as? Bool == true)
        #expect(universe["locations_in_file"] as? Int == 5)
        #expect(universe["availability_locations_not_in_file"] as? Int == 5_717)  // 5,720 locations in the file − 3
        #expect(universe["qualifying_families_missing"] as? [String] == ["copper", "cable", "licensed_fixed_wireless"])
        let inputs = try #require(run["inputs"] as? [[String: Any]])
        #expect(inputs.contains { $0["role"] as? String == "locations" && ($0["sha256"] as? String)?.count == 64 })
        // Fabric fields (addresses, coordinates) never reach an output.
        let outputs = try FileManager.default.subpathsOfDirectory(atPath: dir.file("out")).filter {
            $0.hasSuffix(".csv") || $0.hasSuffix(".json")
        }
        for file in outputs {
            let text = try String(contentsOfFile: dir.file("out/\(file)"), encoding: .utf8)
            #expect(!text.contains("Fabricquay") && !text.contains("43.917531"), "\(file) holds Fabric fields")
        }
    }

    @Test func locationsFileWithoutBlockColumnIs65() throws {
        let dir = try TemporaryDirectory()
        let locations = try dir.write("fabric.csv", "location_id,latitude,longitude\n1,43.9,-69.8\n")
        try CommandLineRun.lastmile(
            [
                "run", try Self.study(in: dir, locations: locations), "--out", dir.file("out"),
                "--store", dir.file("out/runs.sqlite"), "--no-progress",
            ],
            expecting: .exit(65),
            stderr: .containing("fabric.csv, line 1, column 'block_geoid': the locations file lacks column block_geoid")
        )
    }
}
