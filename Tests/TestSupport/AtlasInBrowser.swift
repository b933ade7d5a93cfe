import Foundation
import Testing

/// What headless Chromium saw of an atlas.html: `Tests/LastmileCLITests/Scripts/atlas_in_browser.py`
/// loads it from file:// with the network off, clicks one area with a real mouse event, types a
/// search, and saves a screenshot.
public struct AtlasInBrowser: Decodable {
    /// URLs the page asked for besides itself (must be none).
    public var requests: [String]
    /// Console errors, exceptions and error log entries (CSP violations among them).
    public var errors: [String]
    /// Area shapes drawn.
    public var areas: Int
    /// Milliseconds from navigation to the end of the atlas script.
    public var readyMs: Int
    public var legend: String
    public var layers: [String]
    /// The popup's text after the click, nil when no popup opened.
    public var popup: String?
    public var search: String
    /// Whether a script carried in the data ran.
    public var injected: Bool
    public var title: String

    /// The driver did not finish (Chromium missing or hung, the page never ready).
    public struct BrowserFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "the browser check failed: \(message)" }
    }

    enum CodingKeys: String, CodingKey {
        case requests, errors, areas, legend, layers, popup, search, injected, title
        case readyMs = "ready_ms"
    }

    /// Opens `atlas` in the browser, clicks the area `click`, searches for `search`, and saves the
    /// screenshot as `.build/atlas-screenshots/<screenshot>.png` (to look at).
    public static func open(_ atlas: String, click: String, search: String, screenshot: String) throws -> AtlasInBrowser
    {
        let shots = TestPaths.repo(".build/atlas-screenshots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let r = try CommandLineRun.run(
            "python3",
            [
                TestPaths.repo("Tests/LastmileCLITests/Scripts/atlas_in_browser.py"), atlas, click, search,
                shots + "/\(screenshot).png",
            ])
        guard r.status == 0 else { throw BrowserFailure(message: "exit \(r.status): \(r.stderr)\(r.stdout)") }
        return try JSONDecoder().decode(AtlasInBrowser.self, from: Data(r.stdout.utf8))
    }
}
