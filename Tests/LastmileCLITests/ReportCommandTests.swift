import Foundation
import TestSupport
import Testing

/// `lastmile report --run ID`: a stored run's report, maps and charts drawn again without recomputing,
/// and the charts/ a run writes; SOURCE_DATE_EPOCH pins the report's dates.
@Suite struct ReportCommandTests {
    /// The run id and folder a `demo`/`run` printed ("Run <id>: …", "Outputs: <dir>").
    static func runAndFolder(_ stdout: String) throws -> (id: String, folder: String) {
        let lines = stdout.split(separator: "\n")
        let runLine = try #require(lines.first { $0.hasPrefix("Run ") })
        let id = String(runLine.dropFirst("Run ".count).prefix { $0 != ":" })
        let outputs = try #require(lines.first { $0.hasPrefix("Outputs: ") })
        return (id, String(outputs.dropFirst("Outputs: ".count)))
    }

    /// A PNG's pixel width and height from its IHDR chunk (bytes 16–23, big-endian; PNG spec §11.2.2).
    static func pngSize(_ path: String) throws -> (width: Int, height: Int) {
        let data = try #require(FileManager.default.contents(atPath: path))
        try #require(data.count > 24 && data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        func be32(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    /// The PDF's text in content order (no -layout: its column guesses shift with the glyph widths
    /// of a different run id).
    static func pdfText(_ path: String) throws -> String {
        let r = try CommandLineRun.run("pdftotext", [path, "-"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    static let charts = ["locations-by-class", "adoption", "cash-flow", "tornado", "monte-carlo"]

    @Test func demoWritesEveryChartAsPNGAndSVGAtTheStudyDPI() throws {
        let out = try TemporaryDirectory()
        let r = try CommandLineRun.lastmile([
            "demo", "--out", out.path, "-q", "--format", "text", "--set", "report.dpi=72",
        ])
        let run = try Self.runAndFolder(r.stdout)
        for name in Self.charts {
            #expect(FileManager.default.fileExists(atPath: "\(run.folder)/charts/\(name).svg"), "\(name).svg")
            // Standalone charts are 540 pt wide: at 72 dpi one pixel per point.
            #expect(try Self.pngSize("\(run.folder)/charts/\(name).png").width == 540, "\(name).png")
        }
        // The business-case charts are 540 × 360 pt.
        #expect(try Self.pngSize("\(run.folder)/charts/tornado.png") == (540, 360))
        // Maps are drawn on a 540 × 560 pt canvas (RunReport.mapCanvas).
        #expect(try Self.pngSize("\(run.folder)/maps/unserved.png") == (540, 560))
        let runData = try #require(FileManager.default.contents(atPath: run.folder + "/run.json"))
        let runJSON = try #require(try JSONSerialization.jsonObject(with: runData) as? [String: Any])
        let files = try #require(runJSON["files"] as? [String])
        #expect(files.contains("charts/monte-carlo.svg") && files.contains("report-content.json"))

        try CommandLineRun.lastmile(
            ["demo", "--out", out.path, "-q", "--set", "report.dpi=0"],
            expecting: .exit(65), stderr: .containing("report.dpi"))
    }

    @Test func reRenderGivesTheSameReportAndReplacesOnlyRenderedFiles() throws {
        let out = try TemporaryDirectory()
        let r = try CommandLineRun.lastmile(["demo", "--out", out.path, "-q", "--format", "text"])
        let run = try Self.runAndFolder(r.stdout)
        let originalText = try Self.pdfText(run.folder + "/report.pdf")
        let originalPDF = try #require(FileManager.default.contents(atPath: run.folder + "/report.pdf"))
        let originalSVG = try #require(FileManager.default.contents(atPath: run.folder + "/maps/unserved.svg"))
        let resultsBefore = try #require(FileManager.default.contents(atPath: run.folder + "/results.csv"))
        // The rendered files go; the data outputs stay.
        try FileManager.default.removeItem(atPath: run.folder + "/report.pdf")
        try FileManager.default.removeItem(atPath: run.folder + "/charts")
        try FileManager.default.removeItem(atPath: run.folder + "/maps/unserved.svg")

        // An abbreviated id, as `lastmile runs show` takes.
        let again = try CommandLineRun.lastmile(["report", "--run", String(run.id.prefix(12)), "--root", out.path])
        #expect(again.stdout.contains("run \(run.id): 20 files in \(run.folder)"))
        #expect(try Self.pdfText(run.folder + "/report.pdf") == originalText)
        // More than the text: the same bytes (same content, same pinned metadata dates).
        #expect(FileManager.default.contents(atPath: run.folder + "/report.pdf") == originalPDF)
        #expect(FileManager.default.contents(atPath: run.folder + "/maps/unserved.svg") == originalSVG)
        #expect(originalText.contains("Page 1 of "))
        // Page 3 is the coverage map; the highest-need block groups carry their rank in the ranked table
        // (RunReport.mapLabelCount, fewer where a number would overlap or not fit inside its area).
        let mapPage = try CommandLineRun.run("pdftotext", ["-f", "3", "-l", "3", run.folder + "/report.pdf", "-"])
            .stdout
        #expect(mapPage.contains("Coverage map"))
        let labels = mapPage.split(separator: "\n").filter {
            Int($0.trimmingCharacters(in: .whitespaces)).map { (1...10).contains($0) } ?? false
        }
        #expect((3...10).contains(labels.count), "\(labels)")
        #expect(FileManager.default.fileExists(atPath: run.folder + "/maps/unserved.svg"))
        for name in Self.charts {
            // Default report.dpi 150: 540 pt × 150/72 = 1,125 px.
            #expect(try Self.pngSize("\(run.folder)/charts/\(name).png").width == 1125, "\(name).png")
        }
        #expect(FileManager.default.contents(atPath: run.folder + "/results.csv") == resultsBefore)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: run.folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")

        // Elsewhere, PNG only, at 72 dpi: nothing else is written.
        let elsewhere = out.file("pngs")
        let png = try CommandLineRun.lastmile([
            "report", "--run", run.id, "--store", out.path + "/runs.sqlite",
            "--out", elsewhere, "--format", "png", "--dpi", "72", "-q",
        ])
        #expect(png.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).sorted() == ["charts", "maps"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: elsewhere + "/maps").sorted() == [
                "need-groups.png", "phases.png", "unserved-count.png", "unserved.png",
            ])
        #expect(try Self.pngSize(elsewhere + "/maps/phases.png") == (540, 560))
    }

    @Test func missingRunIsUsageAndDeletedFolderIsIO() throws {
        let out = try TemporaryDirectory()
        try CommandLineRun.lastmile(
            ["report", "--run", "x", "--root", out.path],
            expecting: .exit(74), stderr: .containing("no run store"))
        let r = try CommandLineRun.lastmile(["demo", "--out", out.path, "-q", "--format", "text"])
        let run = try Self.runAndFolder(r.stdout)
        try CommandLineRun.lastmile(
            ["report", "--run", "19990101", "--root", out.path],
            expecting: .exit(64), stderr: .containing("no run '19990101'"))
        try CommandLineRun.lastmile(
            ["report", "--run", run.id, "--root", out.path, "--format", "pdf,jpeg"],
            expecting: .exit(64), stderr: .containing("jpeg"))

        try FileManager.default.removeItem(atPath: run.folder + "/report-content.json")
        try CommandLineRun.lastmile(
            ["report", "--run", run.id, "--root", out.path],
            expecting: .exit(74), stderr: .containing("report-content.json"))

        try FileManager.default.removeItem(atPath: run.folder)
        try CommandLineRun.lastmile(
            ["report", "--run", run.id, "--root", out.path],
            expecting: .exit(74), stderr: .containing("the folder of run \(run.id) is gone"))
    }

    @Test func sourceDateEpochPinsTheReportDates() throws {
        let out = try TemporaryDirectory()
        // 1700000000 s after the epoch is 2023-11-14T22:13:20Z (date -u -d @1700000000).
        func demo() throws -> (id: String, folder: String) {
            let r = try CommandLineRun.lastmile(
                ["demo", "--out", out.path, "-q", "--format", "text"],
                environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            return try Self.runAndFolder(r.stdout)
        }
        let a = try demo()
        let b = try demo()
        #expect(a.id != b.id)
        let textA = try Self.pdfText(a.folder + "/report.pdf")
        let textB = try Self.pdfText(b.folder + "/report.pdf")
        #expect(textA.contains("Generated November 14, 2023"))
        // Same run, same pages: only the run id differs.
        #expect(textA.replacingOccurrences(of: a.id, with: "RUN") == textB.replacingOccurrences(of: b.id, with: "RUN"))
        #expect(textA.replacingOccurrences(of: a.id, with: "RUN") != textA)
        let info = try CommandLineRun.run("pdfinfo", ["-isodates", a.folder + "/report.pdf"])
        #expect(info.stdout.contains("2023-11-14T22:13:20"), "\(info.stdout)")
        // The stored content is the same too, apart from the run id.
        let jsonA = try String(contentsOfFile: a.folder + "/report-content.json", encoding: .utf8)
        let jsonB = try String(contentsOfFile: b.folder + "/report-content.json", encoding: .utf8)
        #expect(jsonA.replacingOccurrences(of: a.id, with: "RUN") == jsonB.replacingOccurrences(of: b.id, with: "RUN"))

        try CommandLineRun.lastmile(
            ["demo", "--out", out.path, "-q"], environment: ["SOURCE_DATE_EPOCH": "yesterday"],
            expecting: .exit(64), stderr: .containing("SOURCE_DATE_EPOCH"))
    }
}
