import Foundation
import Graphics

/// PNG golden comparison (STYLE.md tier 2): render, compare pixel by pixel with a tolerance, and on
/// failure keep the actual and a diff image in a temporary folder for a person to look at.
///
/// Set `LASTMILE_UPDATE_GOLDENS=1` to (re)write the goldens instead of comparing.
enum GoldenImage {
    /// A pixel differs when any channel differs by more than this (0–1): 0.1 ≈ 26/255, above
    /// anti-aliasing noise between Cairo builds, far below a changed colour class.
    static let channelTolerance = 0.1
    /// The share of differing pixels allowed: 0.5 %, a few glyph edges.
    static let pixelShareTolerance = 0.005

    struct Outcome {
        let differing: Int
        let total: Int
        let sizeMatches: Bool
        var share: Double { total == 0 ? 1 : Double(differing) / Double(total) }
        var passes: Bool { sizeMatches && share <= GoldenImage.pixelShareTolerance }
    }

    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).png").path
    }

    /// Compares two images pixel by pixel.
    static func compare(_ actual: RasterImage, _ golden: RasterImage) -> Outcome {
        guard actual.width == golden.width, actual.height == golden.height else {
            return Outcome(differing: actual.pixels.count, total: actual.pixels.count, sizeMatches: false)
        }
        var differing = 0
        for (a, g) in zip(actual.pixels, golden.pixels) where differs(a, g) { differing += 1 }
        return Outcome(differing: differing, total: actual.pixels.count, sizeMatches: true)
    }

    static func differs(_ a: Color, _ b: Color) -> Bool {
        abs(a.red - b.red) > channelTolerance || abs(a.green - b.green) > channelTolerance
            || abs(a.blue - b.blue) > channelTolerance || abs(a.alpha - b.alpha) > channelTolerance
    }

    /// Renders `list` at one pixel per point and checks it against the golden `name`; returns a
    /// message for the failure (nil when it matches), after writing actual and diff PNGs.
    static func check(_ list: DisplayList, name: String) throws -> String? {
        let golden = path(name)
        if ProcessInfo.processInfo.environment["LASTMILE_UPDATE_GOLDENS"] == "1" {
            try RasterRenderer.writePNG(list, to: golden, dpi: 72)
            return nil
        }
        let actual = try RasterRenderer.render(list, scale: 1)
        let expected = try RasterImage(pngFile: golden)
        let outcome = compare(actual, expected)
        if outcome.passes { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-golden-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try RasterRenderer.writePNG(list, to: dir.appendingPathComponent("actual.png").path, dpi: 72)
        var diff = DisplayList(size: list.size)
        diff.fill(.rectangle(PageRect(x: 0, y: 0, width: list.size.width, height: list.size.height)), .white)
        if outcome.sizeMatches {
            for y in 0..<actual.height {
                for x in 0..<actual.width where differs(actual.pixel(x: x, y: y), expected.pixel(x: x, y: y)) {
                    diff.fill(.rectangle(PageRect(x: Double(x), y: Double(y), width: 1, height: 1)), Color(red: 1, green: 0, blue: 0))
                }
            }
        }
        try RasterRenderer.writePNG(diff, to: dir.appendingPathComponent("diff.png").path, dpi: 72)
        return "\(name): \(outcome.differing) of \(outcome.total) pixels differ"
            + (outcome.sizeMatches ? "" : " (size \(actual.width)×\(actual.height) vs \(expected.width)×\(expected.height))")
            + "; actual and diff images in \(dir.path)"
    }
}
