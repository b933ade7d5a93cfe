import Graphics

/// A tornado diagram: one horizontal bar per driver from the base value to its value with the
/// driver at its low and at its high setting, widest swing at the top; a vertical line at the base.
public struct TornadoChart: Hashable, Sendable, HeadedChart {
    public struct Row: Hashable, Sendable {
        public var label: String
        public var valueAtLow: Double
        public var valueAtHigh: Double
        public init(label: String, valueAtLow: Double, valueAtHigh: Double) {
            self.label = label
            self.valueAtLow = valueAtLow
            self.valueAtHigh = valueAtHigh
        }
    }

    public var title: String?
    public var base: Double
    public var rows: [Row]
    public var axisTitle: String?
    public var lowColor: Color
    public var highColor: Color
    public var lowLabel: String
    public var highLabel: String
    public var labelStyle: TextStyle
    public var titleStyle: TextStyle

    /// Low setting: ColorBrewer RdBu #ef8a62; high setting: RdBu #67a9cf (a diverging pair safe for colour-blind readers).
    public init(
        title: String? = nil, base: Double, rows: [Row], axisTitle: String? = nil,
        lowColor: Color = Color(red: 239 / 255, green: 138 / 255, blue: 98 / 255),
        highColor: Color = Color(red: 103 / 255, green: 169 / 255, blue: 207 / 255),
        lowLabel: String = "Driver at its low value", highLabel: String = "Driver at its high value",
        labelStyle: TextStyle = .chartLabel,
        titleStyle: TextStyle = .chartTitle
    ) {
        self.title = title
        self.base = base
        self.rows = rows
        self.axisTitle = axisTitle
        self.lowColor = lowColor
        self.highColor = highColor
        self.lowLabel = lowLabel
        self.highLabel = highLabel
        self.labelStyle = labelStyle
        self.titleStyle = titleStyle
    }

    /// Bar rectangles (low, high) per row, in row order, and the scale; for tests and drawing.
    public struct Layout: Hashable, Sendable, HeadedChartLayout {
        public var plot: PageRect
        public var scale: LinearScale
        public var ticks: [Double]
        public var step: Double
        public var lowBars: [PageRect]
        public var highBars: [PageRect]
        public var labelWidth: Double
        public var legendOrigin: PagePoint
        public var titleOrigin: PagePoint?
    }

    public func layout(size: PageSize, measurer: some TextMeasurer) -> Layout {
        let pad = ChartHeading.pad
        let heading = ChartHeading(
            title: title, titleStyle: titleStyle, legend: legend, gap: gap, legendGap: gap * 1.5,
            width: size.width, measurer: measurer)
        let (titleOrigin, legendOrigin, top) = (heading.titleOrigin, heading.legendOrigin, heading.top)
        let labelWidth = min(
            size.width * 0.35,
            (rows.map { measurer.measure($0.label, style: labelStyle, width: nil).width }.max() ?? 0) + 2)
        let lineHeight = measurer.measure("0", style: labelStyle, width: nil).height
        let values = rows.flatMap { [$0.valueAtLow, $0.valueAtHigh] } + [base]
        // The niced scale puts a tick at each end of the plot, and each tick label is centred on its
        // tick: the plot is narrowed until the outermost labels, and the axis title under it, fit
        // inside the chart's pad (a label half outside the chart is cut off where it is placed).
        var (leftInset, rightInset) = (0.0, 8.0)
        var plot = PageRect(x: 0, y: 0, width: 0, height: 0)
        var scale = LinearScale(domain: (0, 1), range: (0, 1))
        var (target, step) = (2, 1.0)
        for _ in 0..<4 {
            let titleHeight = axisTitle.map { title in
                var bold = labelStyle
                bold.weight = .bold
                let width = max(10, size.width - pad * 2 - labelWidth - gap - leftInset - rightInset)
                return measurer.measure(title, style: bold, width: width).height + gap
            }
            let bottom = lineHeight + gap + 3 + (titleHeight ?? 0) + pad
            plot = PageRect(
                x: pad + labelWidth + gap + leftInset, y: top,
                width: max(10, size.width - pad * 2 - labelWidth - gap - leftInset - rightInset),
                height: max(10, size.height - top - bottom))
            let raw = LinearScale(domain: (values.min() ?? 0, values.max() ?? 1), range: (plot.minX, plot.maxX))
            target = max(2, Int(plot.width / 70))
            scale = raw.niced(targetCount: target)
            step = scale.tickStep(targetCount: target)
            let extents = scale.ticks(targetCount: target).map { t -> (Double, Double) in
                let half =
                    (measurer.measure(MoneyFormatting.tick(t, step: step), style: labelStyle, width: nil).width + 2) / 2
                return (scale(t) - half, scale(t) + half)
            }
            let overLeft = pad - (extents.map(\.0).min() ?? pad)
            let overRight = (extents.map(\.1).max() ?? 0) - (size.width - pad)
            guard overLeft > 0.01 || overRight > 0.01 else { break }
            leftInset += max(0, overLeft).rounded(.up)
            rightInset += max(0, overRight).rounded(.up)
        }
        let band = plot.height / Double(max(1, rows.count))
        var lows: [PageRect] = []
        var highs: [PageRect] = []
        for (i, r) in rows.enumerated() {
            let y = plot.minY + Double(i) * band + band * 0.15
            func bar(_ v: Double) -> PageRect {
                let a = scale(base)
                let b = scale(v)
                return PageRect(x: min(a, b), y: y, width: abs(b - a), height: band * 0.7)
            }
            lows.append(bar(r.valueAtLow))
            highs.append(bar(r.valueAtHigh))
        }
        return Layout(
            plot: plot, scale: scale, ticks: scale.ticks(targetCount: target), step: step, lowBars: lows,
            highBars: highs, labelWidth: labelWidth, legendOrigin: legendOrigin, titleOrigin: titleOrigin)
    }

    var legend: Legend {
        Legend(
            items: [Legend.Item(label: lowLabel, color: lowColor), Legend.Item(label: highLabel, color: highColor)],
            style: labelStyle)
    }

    public func render(size: PageSize, measurer: some TextMeasurer) -> DisplayList {
        let l = layout(size: size, measurer: measurer)
        var list = canvas(size: size, layout: l, measurer: measurer)
        let pad = ChartHeading.pad
        let (grid, axis) = (ChartHeading.gridStroke, ChartHeading.axisStroke)
        let tickTop = l.plot.maxY + 3 + gap / 2
        for t in l.ticks {
            let x = l.scale(t)
            list.stroke(.line(from: PagePoint(x: x, y: l.plot.minY), to: PagePoint(x: x, y: l.plot.maxY)), grid)
            let text = MoneyFormatting.tick(t, step: l.step)
            drawTickLabel(text, centredOn: x, top: tickTop, into: &list, measurer: measurer)
        }
        var lowPath = Path()
        var highPath = Path()
        for r in l.lowBars { lowPath.append(.rectangle(r)) }
        for r in l.highBars { highPath.append(.rectangle(r)) }
        list.fill(lowPath, lowColor)
        list.fill(highPath, highColor)
        var right = labelStyle
        right.alignment = .right
        let band = l.plot.height / Double(max(1, rows.count))
        for (i, r) in rows.enumerated() {
            let h = measurer.measure(r.label, style: right, width: l.labelWidth).height
            list.text(
                r.label, at: PagePoint(x: pad, y: l.plot.minY + band * (Double(i) + 0.5) - h / 2), width: l.labelWidth,
                style: right)
        }
        let x0 = l.scale(base)
        list.stroke(
            .line(from: PagePoint(x: x0, y: l.plot.minY - 2), to: PagePoint(x: x0, y: l.plot.maxY)),
            StrokeStyle(color: .black, width: 1))
        list.stroke(
            .line(from: PagePoint(x: l.plot.minX, y: l.plot.maxY), to: PagePoint(x: l.plot.maxX, y: l.plot.maxY)), axis)
        if let t = axisTitle {
            drawBottomAxisTitle(t, under: l.plot, ticksTop: tickTop, into: &list, measurer: measurer)
        }
        return list
    }
}
