import Foundation
import TestSupport
import Testing

/// The Maine example study (datasets/maine-2022): real June 2022 FCC files by county, with the Census
/// covered populations and Microsoft's usage joined. Every county's figures in results.csv equal those
/// read from the source files by `Tests/IngestTests/Fixtures/county_adoption_expected.py` (csv module).
@Suite struct MaineExampleTests {
    @Test func coveredPopulationsAndUsageEqualTheSourceFiles() throws {
        let dir = try TemporaryDirectory()
        let run = try StudyRun(TestPaths.repo("datasets/maine-2022/study.toml"), in: dir, set: ["risk.draws=200"])
        let rows = run.rows
        let python = try CommandLineRun.pythonLines(
            TestPaths.repo("Tests/IngestTests/Fixtures/county_adoption_expected.py"),
            [
                TestPaths.realData("census-covered-populations/county_total_covered_population.csv"),
                TestPaths.realData("microsoft-broadband-usage/broadband_data_2020October.csv"), "ME",
            ])
        func cell(_ s: String?) -> String { (s ?? "").isEmpty ? "-" : s! }
        let ours = rows.map { r in
            [
                r["area"], r["covered_population"], r["covered_population_share"], r["no_fixed_broadband_share_fcc"],
                r["no_broadband_or_computer_share"], r["microsoft_usage_share"], r["microsoft_availability_share"],
            ].map(cell).joined(separator: " ")
        }
        #expect(rows.count == 16)
        #expect(python.count == 16)
        #expect(ours == python)
        // Each county's group equals the one python places it in from the same columns.
        let groups = try CommandLineRun.output(
            "python3", [TestPaths.repo("Tests/IngestTests/Fixtures/need_groups.py"), run.resultsPath])
        #expect(rows.map { "\(cell($0["area"])) \(cell($0["need_group"]))" }.joined(separator: "\n") + "\n" == groups)
        #expect(Set(rows.compactMap { $0["need_group"] }).count >= 2)
        // The report's page names each group's counties, in the summary too; the map is drawn.
        let text = try CommandLineRun.output("pdftotext", [run.folder + "/report.pdf", "-"]).split(
            whereSeparator: \.isWhitespace
        )
        .joined(separator: " ")
        let both = rows.filter { $0["need_group"] == "network_and_adoption" }.map { $0["name"]! }
        #expect(!both.isEmpty)
        #expect(text.contains("Where to build networks, where to build demand"))
        #expect(text.contains("Network gap and adoption gap — \(both.count) count\(both.count == 1 ? "y" : "ies")"))
        #expect(
            text.contains(
                "Network gap and adoption gap (\(both.count) count\(both.count == 1 ? "y" : "ies")): \(both[0])"))
        #expect(FileManager.default.fileExists(atPath: run.folder + "/maps/need-groups.png"))

        // The atlas in a real browser: 16 counties, no request, no error; a click on Piscataquis shows
        // its unserved count from results.csv.
        let piscataquis = try #require(rows.first { $0["area"] == "23021" })
        let seen = try AtlasInBrowser.open(
            run.folder + "/atlas.html", click: "23021", search: "Pis", screenshot: "maine-2022")
        #expect(seen.requests == [] && seen.errors == [])
        #expect(seen.areas == 16)
        #expect(seen.legend.contains("counties"))
        let unserved = Int(piscataquis["unserved"]!)!.formatted(
            .number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        #expect(seen.popup?.contains("Unserved\t\(unserved)\n") == true, "\(seen.popup ?? "no popup")")
        #expect(seen.search == "Piscataquis County (23021)")
    }
}
