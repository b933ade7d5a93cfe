import Foundation
import Graphics
import Testing

/// PNG goldens (STYLE.md tier 2): render a display list with the project's own `RasterRenderer`,
/// compare it pixel by pixel with a committed PNG within a tolerance, and on failure keep the actual
/// image and a diff image (differing pixels in red over a faded golden) in a temporary folder whose
/// paths the failure names.
///
/// `LASTMILE_UPDATE_GOLDENS=1` (re)writes the goldens instead of comparing; review them before
/// committing. Rendering uses DejaVu Sans through Pango and Cairo (`FontCheck.verifyDefaultFont`).
public enum GoldenImage {
    /// How far an image may be from its golden.
    public struct Tolerance: Sendable, Hashable {
        /// A pixel differs when any channel differs by more than this (0–1).
        public var channel: Double
        /// The share of differing pixels allowed (0–1).
        public var differingShare: Double
        // Tests pick one of the two below; the memberwise initialiser stays internal to this module.

        /// 0.1 ≈ 26/255 per channel, above anti-aliasing noise between Cairo builds and far below a
        /// changed colour class; 0.5 % of the pixels, a few glyph edges. The map golden's tolerance.
        public static let lenient = Tolerance(channel: 0.1, differingShare: 0.005)
        /// The same per channel, but at most 0.1 % of the pixels: rendering is deterministic on the
        /// reference machine (two renders are identical), and a bar moved or resized by 2 px on a
        /// chart at 50 dpi changes more than that (ChartGoldenTests shows it fail).
        public static let strict = Tolerance(channel: 0.1, differingShare: 0.001)
    }

    public struct Outcome: Sendable {
        public let differing: Int
        public let total: Int
        public let sizeMatches: Bool
        public let tolerance: Tolerance
        public var share: Double { total == 0 ? 1 : Double(differing) / Double(total) }
        public var passes: Bool { sizeMatches && share <= tolerance.differingShare }
    }

    /// Whether this run rewrites goldens (`LASTMILE_UPDATE_GOLDENS=1`).
    public static var updating: Bool { ProcessInfo.processInfo.environment["LASTMILE_UPDATE_GOLDENS"] == "1" }

    /// Compares two images pixel by pixel.
    public static func compare(
        _ actual: RasterImage, _ golden: RasterImage,
        tolerance: Tolerance = .lenient
    ) -> Outcome {
        guard actual.width == golden.width, actual.height == golden.height else {
            return Outcome(
                differing: actual.pixels.count, total: actual.pixels.count, sizeMatches: false,
                tolerance: tolerance)
        }
        var differing = 0
        for (a, g) in zip(actual.pixels, golden.pixels) where differs(a, g, tolerance.channel) { differing += 1 }
        return Outcome(differing: differing, total: actual.pixels.count, sizeMatches: true, tolerance: tolerance)
    }

    public static func differs(_ a: Color, _ b: Color, _ channel: Double) -> Bool {
        abs(a.red - b.red) > channel || abs(a.green - b.green) > channel
            || abs(a.blue - b.blue) > channel || abs(a.alpha - b.alpha) > channel
    }

    /// Renders `list` at `dpi` and checks it against the golden PNG at `golden`; returns a message
    /// for the failure (nil when it matches, or when updating), after writing the actual and diff
    /// PNGs into a temporary folder.
    public static func check(
        _ list: DisplayList, golden: String, dpi: Double = 72,
        tolerance: Tolerance = .lenient
    ) throws -> String? {
        let name = URL(fileURLWithPath: golden).deletingPathExtension().lastPathComponent
        if updating {
            try FileManager.default.createDirectory(
                atPath: (golden as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try RasterRenderer.writePNG(list, to: golden, dpi: dpi)
            return nil
        }
        let actual = try RasterRenderer.render(list, scale: dpi / 72)
        guard FileManager.default.fileExists(atPath: golden) else {
            let dir = try keepFolder(name)
            try RasterRenderer.writePNG(list, to: dir + "/actual.png", dpi: dpi)
            return "\(name): golden \(golden) is missing; actual image \(dir)/actual.png "
                + "(LASTMILE_UPDATE_GOLDENS=1 writes it)"
        }
        let expected = try RasterImage(pngFile: golden)
        let outcome = compare(actual, expected, tolerance: tolerance)
        if outcome.passes { return nil }
        let dir = try keepFolder(name)
        try RasterRenderer.writePNG(list, to: dir + "/actual.png", dpi: dpi)
        try RasterRenderer.writePNG(
            diffImage(actual, expected, channel: tolerance.channel), to: dir + "/diff.png",
            dpi: 72)
        let percent = String(format: "%.3f %%", 100 * outcome.share)
        let allowed = String(format: "%.3f %%", 100 * tolerance.differingShare)
        let sizes = " (size \(actual.width)×\(actual.height) vs \(expected.width)×\(expected.height))"
        return
            "\(name): \(outcome.differing) of \(outcome.total) pixels differ (\(percent), at most \(allowed) allowed)"
            + (outcome.sizeMatches ? "" : sizes)
            + "; golden \(golden), actual \(dir)/actual.png, diff \(dir)/diff.png"
    }

    /// `check`, recorded as an issue at `sourceLocation` when the image does not match.
    public static func expectMatch(
        _ list: DisplayList, golden: String, dpi: Double = 72,
        tolerance: Tolerance = .lenient,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if let failure = try check(list, golden: golden, dpi: dpi, tolerance: tolerance) {
            Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
        }
    }

    /// A fresh temporary folder for one failure's images.
    static func keepFolder(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("lastmile-golden-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// One pixel per point: the golden faded to a quarter of its contrast, differing pixels in red
    /// (one rectangle per horizontal run); with sizes that differ, the part both images cover.
    static func diffImage(_ actual: RasterImage, _ golden: RasterImage, channel: Double) -> DisplayList {
        let width = max(actual.width, golden.width)
        let height = max(actual.height, golden.height)
        var diff = DisplayList(size: PageSize(width: Double(width), height: Double(height)))
        diff.fill(.rectangle(PageRect(x: 0, y: 0, width: Double(width), height: Double(height))), .white)
        let red = Color(red: 1, green: 0, blue: 0)
        for y in 0..<min(actual.height, golden.height) {
            var runStart: Int?
            for x in 0...min(actual.width, golden.width) {
                let isDifferent =
                    x < min(actual.width, golden.width)
                    && differs(actual.pixel(x: x, y: y), golden.pixel(x: x, y: y), channel)
                if isDifferent {
                    if runStart == nil { runStart = x }
                    continue
                }
                if let start = runStart {
                    let run = PageRect(x: Double(start), y: Double(y), width: Double(x - start), height: 1)
                    diff.fill(.rectangle(run), red)
                    runStart = nil
                }
                if x < golden.width {
                    let g = golden.pixel(x: x, y: y)
                    let luminance = 0.299 * g.red + 0.587 * g.green + 0.114 * g.blue
                    if luminance < 0.98 {
                        let faded = 1 - (1 - luminance) / 4
                        diff.fill(
                            .rectangle(PageRect(x: Double(x), y: Double(y), width: 1, height: 1)),
                            Color(red: faded, green: faded, blue: faded))
                    }
                }
            }
        }
        return diff
    }
}
