import Testing
import Foundation
import TestSupport
@testable import LastmileKit

/// Same run → same files: with the run id and start pinned, two runs of the demo write
/// byte-identical reports, maps, charts and stored content; a re-render of a stored run writes
/// the same bytes again.
///
/// One allowance: cairo-svg names each drawing `<g id="surfaceN">` after a per-process counter of
/// Cairo surfaces, so a second run in the same process numbers them differently (separate
/// `lastmile` processes write identical SVGs); `normalized` replaces that number.
@Suite struct ReproducibleReportTests {
    /// The file's bytes, with cairo-svg's per-process surface number replaced in SVGs.
    static func normalized(_ path: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard path.hasSuffix(".svg") else { return data }
        let text = String(decoding: data, as: UTF8.self)
        return Data(text.replacingOccurrences(of: #"id="surface[0-9]+""#, with: #"id="surface""#, options: .regularExpression).utf8)
    }

    @Test func pinnedRunsAndReRendersAreByteIdentical() throws {
        let study = try Study.load(path: TestPaths.repo("datasets/demo/study.toml"))
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let id = RunID("20261115T000000Z-abcdef")
        func run(into root: String) throws -> RunOutcome {
            var options = RunOptions(outputRoot: root, now: now)
            options.runID = id
            return try StudyRunner.run(study, options: options)
        }
        let a = try TemporaryDirectory(), b = try TemporaryDirectory()
        let first = try run(into: a.path), second = try run(into: b.path)
        let rendered = ["report.pdf", "report-content.json", "maps/unserved.png", "maps/phases.svg",
                        "charts/locations-by-class.png", "charts/monte-carlo.svg"]
        for f in rendered {
            let x = Self.normalized(first.outputDirectory + "/" + f)
            #expect(x != nil && x == Self.normalized(second.outputDirectory + "/" + f), "\(f)")
        }

        // Re-rendered from report-content.json into another folder: the same bytes as the run wrote.
        let again = try TemporaryDirectory()
        let result = try ReportRerun.render(storePath: a.file("runs.sqlite"), id: "20261115", outputDirectory: again.path)
        #expect(result.runID == id.rawValue)
        #expect(result.files.count == 15)  // 2 maps + 5 charts, each PNG and SVG, and report.pdf
        for f in result.files {
            #expect(Self.normalized(again.path + "/" + f) == Self.normalized(first.outputDirectory + "/" + f), "\(f)")
        }
    }
}
