import Foundation
import TestSupport
import Testing

@testable import LastmileKit

/// Same run → same files: with the run id and start pinned, two runs of the demo write
/// byte-identical reports, maps, charts and stored content; a re-render of a stored run writes
/// the same bytes again.
@Suite struct ReproducibleReportTests {
    @Test func pinnedRunsAndReRendersAreByteIdentical() throws {
        let study = try Study.load(path: TestPaths.repo("datasets/demo/study.toml"))
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let id = RunID("20261115T000000Z-abcdef")
        func run(into root: String) throws -> RunOutcome {
            var options = RunOptions(outputRoot: root, now: now)
            options.runID = id
            return try StudyRunner.run(study, options: options)
        }
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        let first = try run(into: a.path)
        let second = try run(into: b.path)
        let rendered = [
            "report.pdf", "report-content.json", "atlas.html", "maps/unserved.png", "maps/phases.svg",
            "charts/locations-by-class.png", "charts/monte-carlo.svg",
        ]
        for f in rendered {
            let x = FileManager.default.contents(atPath: first.outputDirectory + "/" + f)
            #expect(x != nil && x == FileManager.default.contents(atPath: second.outputDirectory + "/" + f), "\(f)")
        }

        // Re-rendered from report-content.json into another folder: the same bytes as the run wrote.
        let again = try TemporaryDirectory()
        let result = try ReportRerun.render(
            storePath: a.file("runs.sqlite"), id: "20261115", outputDirectory: again.path)
        #expect(result.runID == id.rawValue)
        #expect(result.files.count == 20)  // 4 maps + 5 charts, each PNG and SVG, report.pdf and atlas.html
        for f in result.files {
            #expect(
                FileManager.default.contents(atPath: again.path + "/" + f)
                    == FileManager.default.contents(atPath: first.outputDirectory + "/" + f), "\(f)")
        }
    }
}
