import Foundation
import Graphics

/// A chart on a continuous x axis (e.g. years) and a value axis: bars (negative values hang below
/// zero), lines and shaded areas, with a legend, axis titles and a zero line. Values in, display
/// list out; every label is measured so that nothing clips.
public struct XYChart: Hashable, Sendable, HeadedChart {
    /// How values print on the y axis.
    public enum ValueFormat: Hashable, Sendable {
        case number
        case dollars
        case percent
    }

    public enum Mark: Hashable, Sendable {
        /// Bars centred on each x, `width` in x units (nil: 70 % of the smallest x spacing); values
        /// below 0 use `negativeColor`.
        case bars(name: String, points: [DataPoint], color: Color, negativeColor: Color?, width: Double?)
        /// A polyline through the points, in x order.
        case line(name: String, points: [DataPoint], color: Color, width: Double, dash: [Double])
        /// The area between the line through the points and zero.
        case area(name: String, points: [DataPoint], color: Color)

        var points: [DataPoint] {
            switch self {
            case .bars(_, let p, _, _, _), .line(_, let p, _, _, _), .area(_, let p, _): p
            }
        }

        /// The legend entry; nil for a mark with an empty name.
        var legendItem: Legend.Item? {
            switch self {
            case .bars(let n, _, let c, _, _), .line(let n, _, let c, _, _), .area(let n, _, let c):
                n.isEmpty ? nil : Legend.Item(label: n, color: c)
            }
        }
    }

    public struct DataPoint: Hashable, Sendable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public var title: String?
    public var marks: [Mark]
    public var xAxisTitle: String?
    public var yAxisTitle: String?
    public var yFormat: ValueFormat
    /// x tick labels as integers (years) rather than with decimals.
    public var integerX: Bool
    public var xFormat: ValueFormat
    public var labelStyle: TextStyle
    public var titleStyle: TextStyle

    public init(
        title: String? = nil, marks: [Mark], xAxisTitle: String? = nil, yAxisTitle: String? = nil,
        yFormat: ValueFormat = .number, xFormat: ValueFormat = .number, integerX: Bool = true,
        labelStyle: TextStyle = .chartLabel,
        titleStyle: TextStyle = .chartTitle
    ) {
        self.title = title
        self.marks = marks
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.yFormat = yFormat
        self.xFormat = xFormat
        self.integerX = integerX
        self.labelStyle = labelStyle
        self.titleStyle = titleStyle
    }

    /// Where everything goes.
    public struct Layout: Hashable, Sendable, HeadedChartLayout {
        public var plot: PageRect
        public var xScale: LinearScale
        public var yScale: LinearScale
        public var xTicks: [Double]
        public var yTicks: [Double]
        public var xStep: Double
        public var yStep: Double
        public var legendOrigin: PagePoint
        public var titleOrigin: PagePoint?
        public var barWidth: Double
    }

    static func format(_ v: Double, step: Double, as f: ValueFormat) -> String {
        switch f {
        case .number: NumberFormatting.tick(v, step: step)
        case .dollars: MoneyFormatting.tick(v, step: step)
        case .percent: NumberFormatting.tick(v * 100, step: step * 100) + "%"
        }
    }

    /// The bar width in x units: the given one, or 70 % of the smallest spacing between distinct x.
    var barWidthInX: Double {
        for m in marks {
            if case .bars(_, let points, _, _, let width) = m {
                if let width { return width }
                let xs = Array(Set(points.map(\.x))).sorted()
                let spacing = zip(xs, xs.dropFirst()).map { $1 - $0 }.min() ?? 1
                return spacing * 0.7
            }
        }
        return 0
    }

    /// One legend entry per mark that names itself.
    var legend: Legend { Legend(items: marks.compactMap(\.legendItem), style: labelStyle) }

    public func layout(size: PageSize, measurer: some TextMeasurer) -> Layout {
        let pad = ChartHeading.pad
        let heading = ChartHeading(
            title: title, titleStyle: titleStyle, legend: legend, gap: gap, legendGap: gap,
            width: size.width, measurer: measurer)
        let (titleOrigin, legendOrigin) = (heading.titleOrigin, heading.legendOrigin)
        var top = heading.top
        let lineHeight = measurer.measure("0", style: labelStyle, width: nil).height
        if yAxisTitle != nil { top += lineHeight + gap / 2 }
        top += lineHeight / 2

        let all = marks.flatMap(\.points)
        let halfBar = barWidthInX / 2
        var xLo = all.map(\.x).min() ?? 0
        var xHi = all.map(\.x).max() ?? 1
        xLo -= halfBar
        xHi += halfBar
        if xLo == xHi { xHi = xLo + 1 }
        var yLo = min(0, all.map(\.y).min() ?? 0)
        var yHi = max(0, all.map(\.y).max() ?? 1)
        if yLo == yHi { yHi = yLo + 1 }
        let yNice = LinearScale(domain: (yLo, yHi), range: (0, 1)).niced(targetCount: 6)
        yLo = yNice.domainStart
        yHi = yNice.domainEnd
        let yStep = yNice.tickStep(targetCount: 6)
        let yTickValues = LinearScale(domain: (yLo, yHi), range: (0, 1)).ticks(targetCount: 6)
        let yLabelWidth =
            yTickValues.map {
                measurer.measure(Self.format($0, step: yStep, as: yFormat), style: labelStyle, width: nil).width
            }.max() ?? 0
        let left = pad + yLabelWidth + gap + 3
        let bottomSpace = lineHeight + gap + 3 + (xAxisTitle != nil ? lineHeight + gap : 0) + pad
        let plot = PageRect(
            x: left, y: top, width: max(10, size.width - left - pad - 6),
            height: max(10, size.height - top - bottomSpace))
        let xScale = LinearScale(domain: (xLo, xHi), range: (plot.minX, plot.maxX))
        let yScale = LinearScale(domain: (yLo, yHi), range: (plot.maxY, plot.minY))
        let xData = LinearScale(domain: (xLo + halfBar, xHi - halfBar), range: (0, 1))
        let xTarget = max(2, Int(plot.width / 45))
        let xStep = max(integerX ? 1 : 0, xData.tickStep(targetCount: xTarget))
        let xTicks = xData.ticks(targetCount: xTarget).filter { !integerX || $0 == $0.rounded() }
        let barWidth = abs(xScale(xLo + barWidthInX) - xScale(xLo))
        return Layout(
            plot: plot, xScale: xScale, yScale: yScale, xTicks: xTicks, yTicks: yTickValues, xStep: xStep,
            yStep: yStep, legendOrigin: legendOrigin, titleOrigin: titleOrigin, barWidth: barWidth)
    }

    public func render(size: PageSize, measurer: some TextMeasurer) -> DisplayList {
        let l = layout(size: size, measurer: measurer)
        var list = canvas(size: size, layout: l, measurer: measurer)
        let pad = ChartHeading.pad
        let (gridStyle, axisStyle) = (ChartHeading.gridStroke, ChartHeading.axisStroke)
        var right = labelStyle
        right.alignment = .right
        for t in l.yTicks {
            let y = l.yScale(t)
            list.stroke(.line(from: PagePoint(x: l.plot.minX, y: y), to: PagePoint(x: l.plot.maxX, y: y)), gridStyle)
            let text = Self.format(t, step: l.yStep, as: yFormat)
            let h = measurer.measure(text, style: right, width: nil).height
            list.text(text, at: PagePoint(x: pad, y: y - h / 2), width: l.plot.minX - pad - gap, style: right)
        }
        let tickTop = l.plot.maxY + 3 + gap / 2
        for t in l.xTicks {
            let x = l.xScale(t)
            list.stroke(
                .line(from: PagePoint(x: x, y: l.plot.maxY), to: PagePoint(x: x, y: l.plot.maxY + 3)), axisStyle)
            let text = Self.format(t, step: l.xStep, as: xFormat)
            drawTickLabel(text, centredOn: x, top: tickTop, into: &list, measurer: measurer)
        }
        list.append(.save)
        list.append(.clip(.rectangle(l.plot), .nonZero))
        let zero = l.yScale(0)
        for m in marks {
            switch m {
            case .bars(_, let points, let color, let negativeColor, _):
                var positive = Path()
                var negative = Path()
                for p in points {
                    let y = l.yScale(p.y)
                    let r = PageRect(
                        x: l.xScale(p.x) - l.barWidth / 2, y: min(y, zero), width: l.barWidth, height: abs(y - zero))
                    if p.y < 0 && negativeColor != nil {
                        negative.append(.rectangle(r))
                    } else {
                        positive.append(.rectangle(r))
                    }
                }
                if !positive.isEmpty { list.fill(positive, color) }
                if let negativeColor, !negative.isEmpty { list.fill(negative, negativeColor) }
            case .line(_, let points, let color, let width, let dash):
                let sorted = points.sorted { $0.x < $1.x }
                guard sorted.count > 1 else { continue }
                list.stroke(
                    .polyline(sorted.map { PagePoint(x: l.xScale($0.x), y: l.yScale($0.y)) }),
                    StrokeStyle(color: color, width: width, dash: dash, cap: .round, join: .round))
            case .area(_, let points, let color):
                let sorted = points.sorted { $0.x < $1.x }
                guard let first = sorted.first, let last = sorted.last else { continue }
                var ring = [PagePoint(x: l.xScale(first.x), y: zero)]
                ring += sorted.map { PagePoint(x: l.xScale($0.x), y: l.yScale($0.y)) }
                ring.append(PagePoint(x: l.xScale(last.x), y: zero))
                var path = Path()
                path.addRing(ring)
                list.fill(path, color)
            }
        }
        list.append(.restore)
        list.stroke(
            .line(from: PagePoint(x: l.plot.minX, y: l.plot.minY), to: PagePoint(x: l.plot.minX, y: l.plot.maxY)),
            axisStyle)
        list.stroke(.line(from: PagePoint(x: l.plot.minX, y: zero), to: PagePoint(x: l.plot.maxX, y: zero)), axisStyle)
        if let t = yAxisTitle {
            let lineHeight = measurer.measure("0", style: labelStyle, width: nil).height
            var bold = labelStyle
            bold.weight = .bold
            list.text(
                t, at: PagePoint(x: pad, y: l.plot.minY - lineHeight * 1.5 - gap / 2), width: size.width - 2 * pad,
                style: bold)
        }
        if let t = xAxisTitle {
            drawBottomAxisTitle(t, under: l.plot, ticksTop: tickTop, into: &list, measurer: measurer)
        }
        return list
    }

    /// Equal-width bins over the values' range: (lower edge, upper edge, count), `count` bins; the
    /// top edge is inclusive. Empty input gives no bins.
    public static func histogramBins(_ values: [Double], count: Int) -> [(lower: Double, upper: Double, count: Int)] {
        guard let lo = values.min(), let hi = values.max(), count > 0 else { return [] }
        let width = hi > lo ? (hi - lo) / Double(count) : 1
        var counts = [Int](repeating: 0, count: count)
        for v in values { counts[min(count - 1, max(0, Int((v - lo) / width)))] += 1 }
        return (0..<count).map { (lo + Double($0) * width, lo + Double($0 + 1) * width, counts[$0]) }
    }
}
