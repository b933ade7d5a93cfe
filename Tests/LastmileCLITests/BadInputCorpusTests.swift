import Foundation
import TestSupport
import Testing

/// One malformed input and what `lastmile` must say about it (a line of Fixtures/bad/cases.tsv).
struct BadInputCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    var arguments: [String]
    var exitCode: Int32
    var message: String
    var testDescription: String { fixture }

    /// The corpus folder: Tests/IngestTests/Fixtures/bad/ (excluded from the test targets' sources).
    static let folder = TestPaths.repo("Tests/IngestTests/Fixtures/bad")

    static func all() -> [BadInputCase] {
        guard let text = try? String(contentsOfFile: folder + "/cases.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line -> BadInputCase? in
            if line.hasPrefix("#") { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let code = Int32(f[2]) else { return nil }
            return BadInputCase(
                fixture: f[0], arguments: f[1].split(separator: " ").map(String.init),
                exitCode: code, message: f[3])
        }
    }
}

/// Every bad input gives its documented exit code and a message naming file, line/feature and column.
@Suite struct BadInputCorpusTests {
    @Test func corpusHasAtLeastThirtyInputs() throws {
        let cases = BadInputCase.all()
        // The issue asks for 30 malformed inputs; strict variants and missing paths come on top.
        let files = Set(cases.map { $0.fixture.split(separator: " ")[0] })
        #expect(files.count >= 30, "\(files.count) distinct inputs")
        for c in cases where !c.fixture.contains("does-not-exist") {
            let path = BadInputCase.folder + "/" + String(c.fixture.split(separator: " ")[0])
            #expect(FileManager.default.fileExists(atPath: path), "missing fixture \(path)")
        }
    }

    @Test(arguments: BadInputCase.all())
    func badInput(_ c: BadInputCase) throws {
        let out = try TemporaryDirectory()
        let args =
            c.arguments.map {
                $0.replacingOccurrences(of: "{bad}", with: BadInputCase.folder).replacingOccurrences(
                    of: "{out}", with: out.path)
            } + ["--no-progress"]
        try CommandLineRun.lastmile(args, expecting: .exit(c.exitCode), stderr: .containing(c.message))
        if c.exitCode != 0 {
            // A failed run leaves nothing at a final path: no run folder, and no temporary one.
            let leftovers = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix("report.pdf") || $0.contains(".partial") }
            #expect(leftovers.isEmpty, "\(c.fixture) left \(leftovers)")
        }
    }
}
