import Graphics

/// A stacked bar chart: one bar per category (e.g. an area), one stacked segment per series
/// (e.g. unserved / underserved / served), with a value axis, category labels, a legend and an
/// optional title. Values in, display list out; every label is measured so nothing clips.
public struct StackedBarChart: Hashable, Sendable, HeadedChart {
    public enum Orientation: Hashable, Sendable {
        /// Bars grow left to right; category labels on the left (best for long area names).
        case horizontal
        /// Bars grow bottom to top; category labels under the bars.
        case vertical
    }

    public struct Category: Hashable, Sendable {
        public var label: String
        /// One value per series, in series order (negative values count as 0).
        public var values: [Double]
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
        public var total: Double { values.reduce(0) { $0 + max(0, $1) } }
    }

    public var title: String?
    /// The stacked segments' names and colours, bottom of the stack first; the legend lists them.
    public var series: [Legend.Item]
    public var categories: [Category]
    public var orientation: Orientation
    public var valueAxisTitle: String?
    /// Print each bar's total at its end.
    public var showTotals: Bool
    public var labelStyle: TextStyle
    public var titleStyle: TextStyle

    public init(
        title: String? = nil, series: [Legend.Item], categories: [Category], orientation: Orientation = .horizontal,
        valueAxisTitle: String? = nil, showTotals: Bool = true,
        labelStyle: TextStyle = .chartLabel,
        titleStyle: TextStyle = .chartTitle
    ) {
        self.title = title
        self.series = series
        self.categories = categories
        self.orientation = orientation
        self.valueAxisTitle = valueAxisTitle
        self.showTotals = showTotals
        self.labelStyle = labelStyle
        self.titleStyle = titleStyle
    }

    /// A chart of locations by service class (unserved, underserved, served) per area, coloured
    /// with `CoverageColors`.
    public static func locationsByClass(
        areas: [(name: String, unserved: Int, underserved: Int, served: Int)],
        title: String? = nil, orientation: Orientation = .horizontal
    ) -> StackedBarChart {
        StackedBarChart(
            title: title,
            series: CoverageColors.classes.map { Legend.Item(label: $0.name, color: $0.color) },
            categories: areas.map {
                Category(label: $0.name, values: [Double($0.unserved), Double($0.underserved), Double($0.served)])
            },
            orientation: orientation, valueAxisTitle: "Locations")
    }

    /// One drawn segment: which category and series, its rectangle and value.
    public struct Segment: Hashable, Sendable {
        public var category: Int
        public var series: Int
        public var value: Double
        public var rect: PageRect
    }

    /// Where everything goes: computed by `layout`, drawn by `render`.
    public struct Layout: Hashable, Sendable, HeadedChartLayout {
        public var plot: PageRect
        public var valueScale: LinearScale
        public var ticks: [Double]
        public var tickStep: Double
        public var bands: BandScale
        public var segments: [Segment]
        /// Category label boxes (top-left origin, wrap width) and the style they are set in.
        public var categoryLabels: [(origin: PagePoint, width: Double)]
        public var categoryLabelStyle: TextStyle
        public var legendOrigin: PagePoint
        public var titleOrigin: PagePoint?

        public static func == (a: Layout, b: Layout) -> Bool {
            a.plot == b.plot && a.segments == b.segments && a.ticks == b.ticks
        }
        public func hash(into h: inout Hasher) {
            h.combine(plot)
            h.combine(segments)
            h.combine(ticks)
        }
    }

    var legend: Legend { Legend(items: series, style: labelStyle) }

    private func totalLabel(_ v: Double) -> String { NumberFormatting.grouped(v, decimals: 0) }

    /// Computes the layout for a canvas of `size`.
    public func layout(size: PageSize, measurer: some TextMeasurer) -> Layout {
        let pad = ChartHeading.pad
        let heading = ChartHeading(
            title: title.flatMap { $0.isEmpty ? nil : $0 }, titleStyle: titleStyle, legend: legend,
            gap: gap, legendGap: gap * 1.5, width: size.width, measurer: measurer)
        let (titleOrigin, legendOrigin, top) = (heading.titleOrigin, heading.legendOrigin, heading.top)

        let maxTotal = categories.map(\.total).max() ?? 0
        let rough = LinearScale(domain: (0, max(maxTotal, 1)), range: (0, 1)).niced()
        let step = rough.tickStep()
        let tickValues = rough.ticks()
        let tickLabelSize = tickValues.map {
            measurer.measure(NumberFormatting.tick($0, step: step), style: labelStyle, width: nil)
        }
        let tickLabelHeight = tickLabelSize.map(\.height).max() ?? labelStyle.size
        let widestTick = tickLabelSize.map(\.width).max() ?? 0
        let axisTitleHeight =
            valueAxisTitle.map { measurer.measure($0, style: labelStyle, width: size.width).height + gap } ?? 0

        switch orientation {
        case .horizontal:
            // Category labels on the left: at most 35% of the width, wrapped; shrink the font until
            // every label fits its band's height.
            let bottom = size.height - pad - axisTitleHeight - tickLabelHeight - gap
            let n = max(categories.count, 1)
            let labelColumnMax = (size.width - 2 * pad) * 0.35
            var style = labelStyle
            var labelWidth = 0.0
            var bands = BandScale(count: n, range: (top, bottom))
            while true {
                let natural = categories.map { measurer.measure($0.label, style: style, width: nil).width }.max() ?? 0
                labelWidth = min(natural, labelColumnMax)
                let tallest =
                    categories.map { measurer.measure($0.label, style: style, width: labelWidth).height }.max() ?? 0
                if tallest <= bands.step || style.size <= 5 { break }
                style.size -= 0.5
            }
            let totalsWidth =
                showTotals
                ? (categories.map { measurer.measure(totalLabel($0.total), style: style, width: nil).width }.max() ?? 0)
                    + gap
                : 0
            let plotLeft = pad + labelWidth + gap
            let plotRight = size.width - pad - max(totalsWidth, widestTick / 2)
            let plot = PageRect(x: plotLeft, y: top, width: max(1, plotRight - plotLeft), height: max(1, bottom - top))
            bands = BandScale(count: n, range: (plot.minY, plot.maxY))
            let scale = LinearScale(domain: (rough.domainStart, rough.domainEnd), range: (plot.minX, plot.maxX))
            var labels: [(PagePoint, Double)] = []
            for (ci, category) in categories.enumerated() {
                let h = measurer.measure(category.label, style: style, width: labelWidth).height
                labels.append((PagePoint(x: pad, y: bands.center(ci) - h / 2), labelWidth))
            }
            return Layout(
                plot: plot, valueScale: scale, ticks: tickValues, tickStep: step, bands: bands,
                segments: segments(bands: bands, scale: scale), categoryLabels: labels, categoryLabelStyle: style,
                legendOrigin: legendOrigin, titleOrigin: titleOrigin)

        case .vertical:
            let totalsHeight = showTotals ? tickLabelHeight + gap / 2 : 0
            let plotLeft = pad + widestTick + gap
            let plotRight = size.width - pad
            let n = max(categories.count, 1)
            var bands = BandScale(count: n, range: (plotLeft, plotRight))
            // Category labels under the bars, wrapped to one step; shrink the font until they fit a
            // quarter of the height.
            var style = labelStyle
            var labelHeight = 0.0
            while true {
                labelHeight =
                    categories.map { measurer.measure($0.label, style: style, width: bands.step).height }.max() ?? 0
                if labelHeight <= size.height * 0.25 || style.size <= 5 { break }
                style.size -= 0.5
            }
            let axisTop = top + (valueAxisTitle == nil ? 0 : axisTitleHeight) + totalsHeight
            let bottom = size.height - pad - labelHeight - gap
            let plot = PageRect(
                x: plotLeft, y: axisTop, width: max(1, plotRight - plotLeft), height: max(1, bottom - axisTop))
            bands = BandScale(count: n, range: (plot.minX, plot.maxX))
            let scale = LinearScale(domain: (rough.domainStart, rough.domainEnd), range: (plot.maxY, plot.minY))
            let labels = categories.indices.map { ci in
                (PagePoint(x: bands.center(ci) - bands.step / 2, y: plot.maxY + gap / 2), bands.step)
            }
            return Layout(
                plot: plot, valueScale: scale, ticks: tickValues, tickStep: step, bands: bands,
                segments: segments(bands: bands, scale: scale), categoryLabels: labels, categoryLabelStyle: style,
                legendOrigin: legendOrigin, titleOrigin: titleOrigin)
        }
    }

    /// Draws the chart on a canvas of `size`.
    public func render(size: PageSize, measurer: some TextMeasurer) -> DisplayList {
        let l = layout(size: size, measurer: measurer)
        var list = canvas(size: size, layout: l, measurer: measurer)
        let pad = ChartHeading.pad
        let (gridStyle, axisStyle) = (ChartHeading.gridStroke, ChartHeading.axisStroke)
        switch orientation {
        case .horizontal:
            for t in l.ticks {
                let x = l.valueScale(t)
                list.stroke(
                    .line(from: PagePoint(x: x, y: l.plot.minY), to: PagePoint(x: x, y: l.plot.maxY)), gridStyle)
                list.stroke(
                    .line(from: PagePoint(x: x, y: l.plot.maxY), to: PagePoint(x: x, y: l.plot.maxY + 3)), axisStyle)
                drawTickLabel(
                    NumberFormatting.tick(t, step: l.tickStep), centredOn: x, top: l.plot.maxY + gap, into: &list,
                    measurer: measurer)
            }
        case .vertical:
            var right = labelStyle
            right.alignment = .right
            for t in l.ticks {
                let y = l.valueScale(t)
                list.stroke(
                    .line(from: PagePoint(x: l.plot.minX, y: y), to: PagePoint(x: l.plot.maxX, y: y)), gridStyle)
                list.stroke(
                    .line(from: PagePoint(x: l.plot.minX - 3, y: y), to: PagePoint(x: l.plot.minX, y: y)), axisStyle)
                let text = NumberFormatting.tick(t, step: l.tickStep)
                let h = measurer.measure(text, style: right, width: nil).height
                list.text(text, at: PagePoint(x: pad, y: y - h / 2), width: l.plot.minX - pad - 4, style: right)
            }
        }
        // Segments grouped into one fill per series (fast, and one colour = one path).
        for si in series.indices {
            var path = Path()
            for s in l.segments where s.series == si { path.append(.rectangle(s.rect)) }
            if !path.isEmpty { list.fill(path, series[si].color) }
        }
        // The left and bottom axes, the same whichever way the bars grow.
        list.stroke(
            .line(from: PagePoint(x: l.plot.minX, y: l.plot.minY), to: PagePoint(x: l.plot.minX, y: l.plot.maxY)),
            axisStyle)
        list.stroke(
            .line(from: PagePoint(x: l.plot.minX, y: l.plot.maxY), to: PagePoint(x: l.plot.maxX, y: l.plot.maxY)),
            axisStyle)
        // Category labels beside (horizontal) or under (vertical) their bars; each total at its bar's end.
        var labelStyle = l.categoryLabelStyle
        labelStyle.alignment = orientation == .horizontal ? .right : .center
        var totalStyle = l.categoryLabelStyle
        totalStyle.alignment = .left
        for (ci, category) in categories.enumerated() {
            let box = l.categoryLabels[ci]
            list.text(category.label, at: box.origin, width: box.width, style: labelStyle)
            guard showTotals else { continue }
            let text = totalLabel(category.total)
            let size = measurer.measure(text, style: totalStyle, width: nil)
            let end = l.valueScale(category.total)
            let at =
                switch orientation {
                case .horizontal: PagePoint(x: end + gap / 2, y: l.bands.center(ci) - size.height / 2)
                case .vertical:
                    PagePoint(
                        x: min(max(0, l.bands.center(ci) - size.width / 2), list.size.width - size.width),
                        y: end - size.height - 1)
                }
            list.text(text, at: at, style: totalStyle)
        }
        if let t = valueAxisTitle {
            switch orientation {
            case .horizontal:
                drawBottomAxisTitle(t, under: l.plot, ticksTop: l.plot.maxY + gap, into: &list, measurer: measurer)
            case .vertical:
                var s = self.labelStyle
                s.weight = .bold
                let tickHeight = measurer.measure("0", style: self.labelStyle, width: nil).height
                let totals = showTotals ? tickHeight + gap / 2 : 0
                list.text(t, at: PagePoint(x: pad, y: l.plot.minY - totals - tickHeight - gap / 2), style: s)
            }
        }
        return list
    }
}

extension StackedBarChart {
    /// Each non-zero value as a run along the value axis, stacked in series order within its
    /// category (negative values count as zero): the same runs whatever the orientation.
    func stackedRuns() -> [(category: Int, series: Int, from: Double, to: Double)] {
        var runs: [(category: Int, series: Int, from: Double, to: Double)] = []
        for (ci, category) in categories.enumerated() {
            var end = 0.0
            for (si, raw) in category.values.enumerated() where si < series.count {
                let v = max(0, raw)
                if v > 0 { runs.append((ci, si, end, end + v)) }
                end += v
            }
        }
        return runs
    }

    /// Each stacked run drawn: across its category's band in `bands`, along `scale` on the value axis
    /// (x for horizontal bars, y for vertical ones).
    func segments(bands: BandScale, scale: LinearScale) -> [Segment] {
        stackedRuns().map { r in
            let (from, to) = (scale(r.from), scale(r.to))
            let rect =
                switch orientation {
                case .horizontal:
                    PageRect(x: from, y: bands.start(r.category), width: to - from, height: bands.bandwidth)
                case .vertical:
                    PageRect(x: bands.start(r.category), y: to, width: bands.bandwidth, height: from - to)
                }
            return Segment(category: r.category, series: r.series, value: r.to - r.from, rect: rect)
        }
    }
}
