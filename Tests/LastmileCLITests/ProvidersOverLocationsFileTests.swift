import Foundation
import TestSupport
import Testing

/// With a locations file, the provider table counts the locations it lists, as every other count does:
/// the real Sagadahoc June 2022 file over a universe of every other location
/// (`Tests/IngestTests/Fixtures/locations_subset.py`), against `provider_counts.py` given the same list.
@Suite struct ProvidersOverLocationsFileTests {
    @Test func providerCountsLeaveOutLocationsTheFileDoesNotList() throws {
        let dir = try TemporaryDirectory()
        let fixtures = TestPaths.repo("Tests/IngestTests/Fixtures")
        let locations = dir.file("half.csv")
        _ = try CommandLineRun.output(
            "python3", ["\(fixtures)/locations_subset.py", SagadahocStudy.availability, locations])
        let study = try SagadahocStudy.write(
            "Sagadahoc providers over half the locations", moreInputs: ["locations = \"\(locations)\""], in: dir)
        try SagadahocStudy.run(study, in: dir, stderr: .allowed)
        let lines = try String(contentsOfFile: SagadahocStudy.output("/providers.csv", in: dir), encoding: .utf8)
            .split(separator: "\n")
        let studyRows = lines.filter { $0.hasPrefix("study,") }.map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return [f[1], f[5], f[6], f[7], f[8], "\(f[9])/\(f[10])", "|", f[2]].joined(separator: " ")
        }
        let python = try CommandLineRun.output(
            "python3", ["\(fixtures)/provider_counts.py", SagadahocStudy.availability, locations]
        )
        .split(separator: "\n").map(String.init)
        #expect(studyRows == python)
        // Consolidated lists 13,200 locations in the file; 6,612 of them are in the universe.
        #expect(studyRows.first == "130335 6612 596 18 18 2000/2000 | Consolidated Communications")
        // TK Networks' one location is left out, and with it the provider.
        #expect(!studyRows.contains { $0.hasPrefix("400048 ") })
    }
}
