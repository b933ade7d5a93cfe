import Foundation
import TestSupport
import Testing

/// What a reader sees — the report, the `init` template, the demo study and every `--help` — names
/// published sources, never the project's internal documents or its issue numbers.
@Suite struct InternalReferenceTests {
    static let internalReference = try! NSRegularExpression(pattern: "PRODUCT\\.md|STYLE\\.md|issue [0-9]")

    static func matches(_ text: String) -> [String] {
        let ns = text as NSString
        return internalReference.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            let start = max(0, $0.range.location - 40)
            return ns.substring(with: NSRange(location: start, length: min(ns.length - start, $0.range.length + 80)))
        }
    }

    @Test func theRegexCatchesEachForm() {
        #expect(Self.matches("default (PRODUCT.md)").count == 1)
        #expect(Self.matches("see STYLE.md").count == 1)
        #expect(Self.matches("±20 % (issue 4)").count == 1)
        #expect(Self.matches("Carare et al. (2015); an issue of pricing").isEmpty)
    }

    @Test func reportAndReportContentNameNoInternalDocument() throws {
        let out = try TemporaryDirectory()
        let r = try CommandLineRun.lastmile(["demo", "--out", out.path, "--no-progress", "--set", "risk.draws=100"])
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Outputs: ") })
        let dir = String(line.dropFirst("Outputs: ".count))
        let text = try CommandLineRun.output("pdftotext", [dir + "/report.pdf", "-"])
        #expect(text.contains("Business-case parameters"))
        #expect(Self.matches(text).isEmpty, "report.pdf: \(Self.matches(text))")
        let content = try String(contentsOfFile: dir + "/report-content.json", encoding: .utf8)
        #expect(Self.matches(content).isEmpty, "report-content.json: \(Self.matches(content))")
    }

    @Test func initTemplateAndDemoStudyNameNoInternalDocument() throws {
        let dir = try TemporaryDirectory()
        for f in ["blockgroups.geojson", "acs_blockgroups.csv", "bdc_fixed_demo.csv"] {
            try FileManager.default.copyItem(atPath: TestPaths.repo("datasets/demo/\(f)"), toPath: dir.file(f))
        }
        try CommandLineRun.lastmile(["init", dir.path])
        let template = try String(contentsOfFile: dir.file("study.toml"), encoding: .utf8)
        #expect(template.contains("construction_cost_index"))
        #expect(Self.matches(template).isEmpty, "init template: \(Self.matches(template))")
        let demo = try String(contentsOfFile: TestPaths.repo("datasets/demo/study.toml"), encoding: .utf8)
        #expect(Self.matches(demo).isEmpty, "demo study: \(Self.matches(demo))")
    }

    @Test(arguments: [
        [], ["run"], ["demo"], ["init"], ["classify"], ["inspect"], ["map"], ["report"], ["runs"], ["batch"],
    ])
    func helpNamesNoInternalDocument(_ command: [String]) throws {
        let r = try CommandLineRun.lastmile(command + ["--help"])
        #expect(!r.stdout.isEmpty)
        #expect(Self.matches(r.stdout + r.stderr).isEmpty, "\(command) --help: \(Self.matches(r.stdout + r.stderr))")
    }
}
