import Foundation
import TestSupport
import Testing

/// The demo's results.csv carries each block group's no-internet margin of error and coefficient of
/// variation, equal to `Tests/IngestTests/Fixtures/acs_no_internet_moe.py` (csv module, the handbook's
/// formula written out), and flags those above 30 %; the ranked table marks them †.
@Suite struct ACSReliabilityRunTests {
    @Test func marginsAndFlagsEqualAnIndependentCalculation() throws {
        let dir = try TemporaryDirectory()
        let run = try StudyRun(TestPaths.repo("datasets/demo/study.toml"), in: dir, set: ["risk.draws=100"])
        let rows = run.rows
        let python = try CommandLineRun.pythonLines(
            TestPaths.repo("Tests/IngestTests/Fixtures/acs_no_internet_moe.py"),
            [TestPaths.repo("datasets/demo/acs_blockgroups.csv")])
        let ours = rows.compactMap { r -> String? in
            guard let moe = r["no_internet_share_moe"], let cv = r["no_internet_share_cv"], !cv.isEmpty else {
                return nil
            }
            return "\(r["area"]!) \(moe) \(cv)"
        }
        #expect(python.count > 20)
        #expect(ours.sorted() == python.sorted())
        let flagged = rows.filter { $0["no_internet_share_unreliable"] == "true" }
        #expect(flagged.count == python.count { Double($0.split(separator: " ")[2])! > 0.30 })
        let text = try CommandLineRun.output("pdftotext", [run.folder + "/report.pdf", "-"])
        #expect(text.contains("†"))
    }
}
