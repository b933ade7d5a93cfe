import Charts
import Graphics
import Testing

private let areas: [(name: String, unserved: Int, underserved: Int, served: Int)] = [
    ("Alpha", 100, 50, 850),  // total 1,000
    ("Bravo", 300, 0, 200),  // total 500
    ("Charlie Unorganized Territory of the Long Name County", 0, 0, 250),
]

@Test func horizontalBarsAreProportionalToValues() {
    let m = PangoTextMeasurer()
    let chart = StackedBarChart.locationsByClass(areas: areas, title: "Locations by class")
    let l = chart.layout(size: PageSize(width: 500, height: 300), measurer: m)
    // Largest total 1,000 → step 200 (1,000/5), domain 0…1,000: the scale spans the plot width.
    #expect(l.ticks == [0, 200, 400, 600, 800, 1000])
    let w = l.plot.width
    func seg(_ c: Int, _ s: Int) -> PageRect? { l.segments.first { $0.category == c && $0.series == s }?.rect }
    // Alpha: unserved 100/1,000 = 0.1 of the width, underserved 0.05, served 0.85, ending at the plot's right edge.
    #expect(abs(seg(0, 0)!.width - 0.1 * w) < 1e-9)
    #expect(abs(seg(0, 1)!.width - 0.05 * w) < 1e-9)
    #expect(abs(seg(0, 2)!.maxX - l.plot.maxX) < 1e-9)
    #expect(abs(seg(0, 1)!.minX - seg(0, 0)!.maxX) < 1e-9)  // stacked, no gap
    // Bravo: unserved 0.3, no underserved segment (0), served 0.2 starting at 0.3.
    #expect(abs(seg(1, 0)!.width - 0.3 * w) < 1e-9)
    #expect(seg(1, 1) == nil)
    #expect(abs(seg(1, 2)!.minX - (l.plot.minX + 0.3 * w)) < 1e-9)
    // All bars have the same thickness and do not overlap.
    #expect(seg(0, 0)!.height == seg(2, 2)!.height)
    #expect(seg(0, 0)!.maxY <= seg(1, 0)!.minY)
}

@Test func verticalBarHeightsAreProportionalToValues() {
    let m = PangoTextMeasurer()
    let chart = StackedBarChart.locationsByClass(areas: areas, orientation: .vertical)
    let l = chart.layout(size: PageSize(width: 400, height: 300), measurer: m)
    let h = l.plot.height
    func seg(_ c: Int, _ s: Int) -> PageRect? { l.segments.first { $0.category == c && $0.series == s }?.rect }
    // Domain 0…1,000: Alpha unserved 100 → 0.1 h from the baseline; Bravo unserved 300 → 0.3 h; Charlie served 250 → 0.25 h.
    #expect(abs(seg(0, 0)!.height - 0.1 * h) < 1e-9)
    #expect(abs(seg(0, 0)!.maxY - l.plot.maxY) < 1e-9)
    #expect(abs(seg(1, 0)!.height - 0.3 * h) < 1e-9)
    #expect(abs(seg(2, 2)!.height - 0.25 * h) < 1e-9)
    // Alpha's stack reaches the top of the plot (1,000 = domain end).
    #expect(abs(seg(0, 2)!.minY - l.plot.minY) < 1e-9)
}

/// Every text command's measured box lies inside the canvas.
func expectTextInside(
    _ list: DisplayList, _ m: PangoTextMeasurer, sourceLocation: SourceLocation = #_sourceLocation
) {
    for c in list.commands {
        guard case .text(let s, let o, let width, let style) = c else { continue }
        let size = m.measure(s, style: style, width: width)
        let boxWidth = width ?? size.width
        #expect(o.x >= -0.01 && o.y >= -0.01, "\(s) starts outside", sourceLocation: sourceLocation)
        #expect(
            o.x + boxWidth <= list.size.width + 0.01, "\(s) runs past the right edge", sourceLocation: sourceLocation)
        #expect(
            o.y + size.height <= list.size.height + 0.01, "\(s) runs past the bottom", sourceLocation: sourceLocation)
        #expect(size.width <= boxWidth + 0.01, "\(s) is wider than its box", sourceLocation: sourceLocation)
    }
}

@Test func renderedChartHasColoursLabelsAndNoClippedText() {
    let m = PangoTextMeasurer()
    for orientation in [StackedBarChart.Orientation.horizontal, .vertical] {
        let chart = StackedBarChart.locationsByClass(
            areas: areas, title: "Locations by service class", orientation: orientation)
        let list = chart.render(size: PageSize(width: 360, height: 260), measurer: m)
        let fills = list.commands.compactMap { c -> Color? in if case .fill(_, let color, _) = c { color } else { nil }
        }
        #expect(fills.contains(CoverageColors.unserved))
        #expect(fills.contains(CoverageColors.underserved))
        #expect(fills.contains(CoverageColors.served))
        #expect(list.texts.contains("1,000"))  // top tick, grouped
        #expect(list.texts.contains("Unserved") && list.texts.contains("Underserved") && list.texts.contains("Served"))
        #expect(list.texts.contains(areas[2].name))
        #expect(list.texts.contains("Locations"))
        expectTextInside(list, m)
    }
}

@Test func coverageColoursAreTheDocumentedBrewerValues() {
    #expect(CoverageColors.unserved.hex == "#d7301f")
    #expect(CoverageColors.underserved.hex == "#fc8d59")
    #expect(CoverageColors.served.hex == "#2b8cbe")
}

@Test func renderedBarsHaveTheClassColoursInPixels() throws {
    let m = PangoTextMeasurer()
    let chart = StackedBarChart.locationsByClass(areas: areas)
    let size = PageSize(width: 500, height: 300)
    let l = chart.layout(size: size, measurer: m)
    let image = try RasterRenderer.render(chart.render(size: size, measurer: m), scale: 1)
    // Centre of each of Alpha's segments, sampled from the rendered pixels.
    for (series, hex) in [(0, "#d7301f"), (1, "#fc8d59"), (2, "#2b8cbe")] {
        let r = try #require(l.segments.first { $0.category == 0 && $0.series == series }).rect
        #expect(image.pixel(x: Int(r.center.x), y: Int(r.center.y)).hex == hex)
    }
}
