import Charts
import Foundation
import Graphics
import TestSupport
import Testing

/// PNG goldens of every chart kind in Sources/Charts (StackedBarChart both ways, XYChart as bars, as
/// lines over an area and as a histogram, TornadoChart), drawn with DejaVu Sans at 50 dpi so each
/// golden stays a few kilobytes. Goldens: Tests/ChartsTests/Golden/<name>.png; a mismatch names
/// the actual and diff images it wrote. `LASTMILE_UPDATE_GOLDENS=1 swift test --filter
/// ChartGoldenTests` rewrites them.
@Suite struct ChartGoldenTests {
    static let dpi = 50.0
    static let size = PageSize(width: 400, height: 260)

    static func golden(_ name: String) -> String { TestPaths.repo("Tests/ChartsTests/Golden/\(name).png") }

    /// Each chart's display list; `bump` adds to the first value (the tests below move one bar with it).
    static func chart(_ name: String, bump: Double = 0) -> DisplayList {
        let m = PangoTextMeasurer()
        switch name {
        case "stacked-bar-horizontal", "stacked-bar-vertical":
            let areas: [(name: String, unserved: Int, underserved: Int, served: Int)] = [
                ("Alpha", 100 + Int(bump), 50, 850), ("Bravo", 300, 0, 200), ("Charlie Plantation", 40, 260, 250),
                ("Delta", 0, 0, 600),
            ]
            return StackedBarChart.locationsByClass(
                areas: areas, title: "Locations by class",
                orientation: name.hasSuffix("vertical") ? .vertical : .horizontal
            )
            .render(size: size, measurer: m)
        case "xy-cash-flow-bars":
            let flows = [-1_000 + bump, 200, 400, 600, 800, 700, 650]
            return XYChart(
                title: "Net cash flow",
                marks: [
                    .bars(
                        name: "Net", points: flows.enumerated().map { .init(x: Double($0.offset), y: $0.element) },
                        color: CoverageColors.served, negativeColor: CoverageColors.unserved, width: nil)
                ], xAxisTitle: "Year", yAxisTitle: "Dollars", yFormat: .dollars
            ).render(size: size, measurer: m)
        case "xy-adoption-lines":
            let years = (0...20).map(Double.init)
            let adoption = years.map { XYChart.DataPoint(x: $0, y: 1 - exp(-0.3 * $0) + ($0 == 10 ? bump : 0)) }
            let ramp = years.map { XYChart.DataPoint(x: $0, y: min(1, $0 / 8)) }
            return XYChart(
                title: "Adoption",
                marks: [
                    .area(name: "Subscribers", points: adoption, color: Color(red: 0.8, green: 0.9, blue: 0.95)),
                    .line(name: "Bass curve", points: adoption, color: CoverageColors.served, width: 1.5, dash: []),
                    .line(name: "Ramp", points: ramp, color: CoverageColors.unserved, width: 1, dash: [4, 2]),
                ], xAxisTitle: "Year", yAxisTitle: "Share of households", yFormat: .percent
            ).render(size: size, measurer: m)
        case "xy-histogram":
            var state: UInt64 = 42
            let values = (0..<500).map { _ -> Double in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let u = Double(state >> 11) / Double(1 << 53)
                return 1_000_000 * (u + Double(state >> 40 & 0xFF) / 255) - 600_000
            }
            let bins = XYChart.histogramBins(values, count: 20)
            let points = bins.enumerated().map {
                XYChart.DataPoint(
                    x: ($0.element.lower + $0.element.upper) / 2,
                    y: Double($0.element.count) + ($0.offset == 10 ? bump : 0))
            }
            return XYChart(
                title: "Monte Carlo NPV",
                marks: [
                    .bars(name: "", points: points, color: CoverageColors.served, negativeColor: nil, width: nil)
                ], xAxisTitle: "NPV", yAxisTitle: "Draws", xFormat: .dollars, integerX: false
            )
            .render(size: size, measurer: m)
        case "tornado":
            return TornadoChart(
                title: "NPV sensitivity", base: 150_000,
                rows: [
                    .init(label: "Take rate (×0.8 / ×1.2)", valueAtLow: -100_000 + bump, valueAtHigh: 400_000),
                    .init(label: "Cost to pass (×0.8 / ×1.2)", valueAtLow: 350_000, valueAtHigh: -30_000),
                    .init(label: "Price (×0.9 / ×1.1)", valueAtLow: 60_000, valueAtHigh: 240_000),
                    .init(label: "Discount rate (3 % / 5 %)", valueAtLow: 210_000, valueAtHigh: 100_000),
                ], axisTitle: "NPV (dollars)"
            ).render(size: size, measurer: m)
        default:
            fatalError("no chart \(name)")
        }
    }

    static let names = [
        "stacked-bar-horizontal", "stacked-bar-vertical", "xy-cash-flow-bars", "xy-adoption-lines",
        "xy-histogram", "tornado",
    ]

    @Test(arguments: names)
    func chartMatchesItsGolden(_ name: String) throws {
        try FontCheck.verifyDefaultFont()
        try GoldenImage.expectMatch(Self.chart(name), golden: Self.golden(name), dpi: Self.dpi, tolerance: .strict)
    }

    /// Rendering is deterministic: two renders of one chart are the same pixels.
    @Test func renderingTwiceGivesTheSamePixels() throws {
        for name in Self.names {
            let a = try RasterRenderer.render(Self.chart(name), scale: Self.dpi / 72)
            let b = try RasterRenderer.render(Self.chart(name), scale: Self.dpi / 72)
            #expect(a == b, "\(name)")
        }
    }

    /// The strict tolerance sees a bar that moved by a few pixels: one value changed by about 3 px
    /// of bar length at 50 dpi (and by one pixel more in the stacked chart) fails against the golden.
    @Test(arguments: [("stacked-bar-horizontal", 20.0), ("xy-cash-flow-bars", 100.0), ("tornado", 30_000.0)])
    func aMovedBarFailsTheComparison(_ name: String, _ bump: Double) throws {
        guard !GoldenImage.updating else { return }
        let golden = try RasterImage(pngFile: Self.golden(name))
        let moved = try RasterRenderer.render(Self.chart(name, bump: bump), scale: Self.dpi / 72)
        let outcome = GoldenImage.compare(moved, golden, tolerance: .strict)
        #expect(outcome.sizeMatches)
        #expect(!outcome.passes, "\(name): \(outcome.differing) of \(outcome.total) pixels differ")
        #expect(outcome.differing > 0)
    }
}
