import Foundation
import TestSupport
import Testing

/// CSV outputs neutralise formula cells (OWASP "CSV Injection"): a text cell starting with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'`; numbers, negative ones included, stay numbers.
@Suite struct CSVInjectionTests {
    @Test func areaAndStudyNamesThatAreFormulasArePrefixedInEveryCSV() throws {
        let dir = try TemporaryDirectory()
        let study = try RunsCommandTests.copyStudy(from: RunsCommandTests.base, to: dir, as: "s")
        let areas = (study as NSString).deletingLastPathComponent + "/areas.geojson"
        let geojson = try String(contentsOfFile: areas, encoding: .utf8)
            .replacingOccurrences(of: "\"Block Group 1\"", with: #""=HYPERLINK(\"http://evil\",\"x\")""#)
            .replacingOccurrences(of: "\"Block Group 2\"", with: "\"@SUM(A1)\"")
        try geojson.write(toFile: areas, atomically: true, encoding: .utf8)
        let out = dir.file("out")
        try CommandLineRun.lastmile([
            "run", study, "--out", out, "-q", "--set", "risk.draws=100",
            "--set", "study.name=\"-2+3 plan\"",
        ])
        let results = try #require(
            FileManager.default.enumerator(atPath: out)?.allObjects.compactMap { $0 as? String }
                .first { $0.hasSuffix("/results.csv") })
        let lines = try String(contentsOfFile: out + "/" + results, encoding: .utf8).split(separator: "\n")
        // area, name, locations, unserved, underserved, served, unserved_funded, underserved_funded, unserved_share
        #expect(
            lines[1].hasPrefix(#"239900001001,"'=HYPERLINK(""http://evil"",""x"")",2,1,0,1,0,0,0.500000,"#),
            "\(lines[1])")
        #expect(lines[2].hasPrefix("239900001002,'@SUM(A1),3,1,1,1,0,0,"), "\(lines[2])")

        let list = try CommandLineRun.lastmile(["runs", "list", "--out", out, "--format", "csv"])
        let row = try #require(list.stdout.split(separator: "\n").dropFirst().first)
        #expect(row.contains(",'-2+3 plan,"), "\(row)")
        let id = String(row.split(separator: ",")[0])
        let show = try CommandLineRun.lastmile(["runs", "show", id, "--out", out, "--format", "csv"])
        #expect(show.stdout.contains("239900001002,'@SUM(A1),3,1,1,1\n"), "\(show.stdout)")
        // Numbers are not text: the business case's negative NPV in the JSON and the counts stay as they are.
        #expect(!show.stdout.contains(",'3,") && !lines[1].contains("'-"))
    }
}
