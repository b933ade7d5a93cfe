import Foundation
import TestSupport
import Testing

/// The demo's maps carry its water and place names, and the report a counts map beside the share map.
@Suite struct MapContextRunTests {
    @Test func demoMapsNamePlacesAndTheReportHasACountsMap() throws {
        let dir = try TemporaryDirectory()
        let run = try StudyRun(TestPaths.repo("datasets/demo/study.toml"), in: dir, set: ["risk.draws=100"])
        for file in ["maps/unserved-count.png", "maps/unserved-count.svg"] {
            #expect(FileManager.default.fileExists(atPath: run.folder + "/" + file), "\(file)")
        }
        let text = try CommandLineRun.output("pdftotext", ["-layout", run.folder + "/report.pdf", "-"])
        #expect(text.contains("How many locations need service"))
        #expect(text.contains("Unserved + underserved"))  // the circles' legend title (wrapped on the page)
        // The place names are set on the maps (the demo's places.geojson: the town first).
        #expect(text.contains("Harborton"))
        #expect(text.contains("Millbrook"))
        // The largest circle's legend value is the largest per-area count in results.csv.
        let largest = run.rows.map { Int($0["unserved"]!)! + Int($0["underserved"]!)! }.max()!
        let countsPage = try #require(
            text.components(separatedBy: "\u{0C}").first { $0.contains("How many locations need service") })
        #expect(countsPage.contains(" \(largest)\n") || countsPage.contains(" \(largest) "), "\(largest)")
        // Both context layers are inputs of the run, fingerprinted.
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: run.folder + "/run.json"))) as! [String: Any]
        let roles = (json["inputs"] as! [[String: Any]]).map { $0["role"] as! String }
        #expect(roles.contains("water") && roles.contains("places"))
    }
}
