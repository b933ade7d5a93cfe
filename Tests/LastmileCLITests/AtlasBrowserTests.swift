import Foundation
import TestSupport
import Testing

/// atlas.html in a real browser (headless Chromium, network off, from file://): no request and no
/// error, a shape per area, the legend, a click showing the area's numbers, search, and data strings
/// kept as text.
@Suite struct AtlasBrowserTests {
    @Test func demoAtlasShowsEveryAreaAndAClickShowsItsUnservedCount() throws {
        let dir = try TemporaryDirectory()
        let run = try StudyRun(TestPaths.repo("datasets/demo/study.toml"), in: dir, set: ["risk.draws=100"])
        let area = try #require(run.rows.first { Int($0["unserved"] ?? "") ?? 0 > 100 })
        let seen = try AtlasInBrowser.open(
            run.folder + "/atlas.html", click: area["area"]!, search: "Tract 3", screenshot: "demo")
        #expect(seen.requests == [])
        #expect(seen.errors == [])
        #expect(seen.areas == run.rows.count)
        #expect(seen.title == "Where Demo County lacks good broadband")
        #expect(seen.legend.hasPrefix("Unserved + underserved\n"))
        #expect(seen.legend.contains("block groups"))
        #expect(
            seen.layers == [
                "Locations unserved or underserved", "Need score", "Where networks and where demand must be built",
                "Adoption gap", "Build phases",
            ])
        let popup = try #require(seen.popup)
        let unserved = Int(area["unserved"]!)!.formatted(
            .number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        #expect(popup.contains("Unserved\t\(unserved)\n"), "\(popup)")
        #expect(popup.contains(area["name"]!))
        // Nine block groups of tract 3 and nothing else.
        #expect(seen.search.split(separator: "\n").count == 9)
        #expect(seen.search.split(separator: "\n").allSatisfy { $0.contains("Tract 3 (2399000030") })
    }

    @Test func reportRerendersTheSameAtlas() throws {
        let dir = try TemporaryDirectory()
        let run = try StudyRun(TestPaths.repo("datasets/demo/study.toml"), in: dir, set: ["risk.draws=100"])
        let original = try Data(contentsOf: URL(fileURLWithPath: run.folder + "/atlas.html"))
        let id = (run.folder as NSString).lastPathComponent
        try CommandLineRun.lastmile([
            "report", "--run", id, "--root", dir.file("out"), "--store", dir.file("runs.sqlite"), "--format", "html",
            "--out", dir.file("again"), "-q",
        ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("again/atlas.html"))) == original)
    }
}
