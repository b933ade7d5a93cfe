import Graphics

/// A chart's title and legend, stacked at its top left the same way in every chart kind: where each
/// goes, and where the plot may start below them.
struct ChartHeading {
    /// The margin around a chart's content, in points.
    static let pad = 4.0

    var titleOrigin: PagePoint?
    var legendOrigin: PagePoint
    /// The first y below the legend and `legendGap`.
    var top: Double

    /// - Parameter legendGap: the space below the legend.
    init(
        title: String?, titleStyle: TextStyle, legend: Legend, gap: Double, legendGap: Double, width: Double,
        measurer: some TextMeasurer
    ) {
        let pad = Self.pad
        var top = pad
        if let title {
            titleOrigin = PagePoint(x: pad, y: top)
            top += measurer.measure(title, style: titleStyle, width: width - 2 * pad).height + gap
        }
        legendOrigin = PagePoint(x: pad, y: top)
        top += legend.layout(width: width - 2 * pad, measurer: measurer).size.height + legendGap
        self.top = top
    }

    /// A canvas of `size` with the title drawn at `titleOrigin` and the legend at `legendOrigin`.
    static func canvas(
        size: PageSize, title: String?, titleStyle: TextStyle, titleOrigin: PagePoint?, legend: Legend,
        legendOrigin: PagePoint, measurer: some TextMeasurer
    ) -> DisplayList {
        var list = DisplayList(size: size)
        if let title, let o = titleOrigin { list.text(title, at: o, width: size.width - 2 * pad, style: titleStyle) }
        legend.draw(into: &list, at: legendOrigin, width: size.width - 2 * pad, measurer: measurer)
        return list
    }

    /// The grid lines and the axes of every chart.
    static let gridStroke = StrokeStyle(color: CoverageColors.grid, width: 0.5)
    static let axisStroke = StrokeStyle(color: CoverageColors.axis, width: 0.75)
}

extension TextStyle {
    /// Tick labels, legend entries and axis titles of every chart.
    public static let chartLabel = TextStyle(size: 8, color: CoverageColors.axis)
    /// A chart's title.
    public static let chartTitle = TextStyle(size: 11, weight: .bold)
}

/// Where a chart's layout put its title and legend.
protocol HeadedChartLayout {
    var titleOrigin: PagePoint? { get }
    var legendOrigin: PagePoint { get }
}

/// A chart kind with a title and a legend at its top left (`ChartHeading`).
protocol HeadedChart {
    var title: String? { get }
    var titleStyle: TextStyle { get }
    var labelStyle: TextStyle { get }
    var legend: Legend { get }
}

extension HeadedChart {
    /// The space between a label and what it labels.
    var gap: Double { labelStyle.size * 0.6 }

    /// A canvas of `size` with the title and legend drawn where `layout` put them.
    func canvas(size: PageSize, layout: some HeadedChartLayout, measurer: some TextMeasurer) -> DisplayList {
        ChartHeading.canvas(
            size: size, title: title, titleStyle: titleStyle, titleOrigin: layout.titleOrigin, legend: legend,
            legendOrigin: layout.legendOrigin, measurer: measurer)
    }

    /// Draws a value axis's tick label `text` in `labelStyle`, centred on `x`, its top at `y`.
    func drawTickLabel(
        _ text: String, centredOn x: Double, top y: Double, into list: inout DisplayList, measurer: some TextMeasurer
    ) {
        var centre = labelStyle
        centre.alignment = .center
        let w = measurer.measure(text, style: centre, width: nil).width + 2
        list.text(text, at: PagePoint(x: x - w / 2, y: y), width: w, style: centre)
    }

    /// Draws the horizontal axis's `title` in bold, centred under `plot`, a line and half a gap below
    /// `ticksTop`, the top of the axis's tick labels.
    func drawBottomAxisTitle(
        _ title: String, under plot: PageRect, ticksTop: Double, into list: inout DisplayList,
        measurer: some TextMeasurer
    ) {
        let lineHeight = measurer.measure("0", style: labelStyle, width: nil).height
        var bold = labelStyle
        bold.alignment = .center
        bold.weight = .bold
        list.text(
            title, at: PagePoint(x: plot.minX, y: ticksTop + lineHeight + gap / 2), width: plot.width, style: bold)
    }
}
