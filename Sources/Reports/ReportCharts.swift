import Charts
import Graphics

/// The report's charts as values, shared by the report pages and the standalone chart files
/// (`charts/*.png|svg` of a run), so that both always show the same data.
public enum ReportCharts {
    /// One chart drawn on its own canvas, with the file name (without extension) it is saved under.
    public struct Drawn: Hashable, Sendable {
        /// "locations-by-class", "adoption", "cash-flow", "tornado" or "monte-carlo".
        public var name: String
        public var displayList: DisplayList
    }

    /// Width of a standalone chart: the content width of a Letter page (612 − 2 × 36 pt margins).
    public static let standaloneWidth = 540.0
    /// Height of the standalone business-case charts: two thirds of the width, a common slide aspect.
    public static let standaloneHeight = 360.0

    /// Height of the locations-by-class chart for `bars` bars: 34 pt a bar plus 60 pt for axes and
    /// legend, at least 220 pt.
    public static func locationsByClassHeight(bars: Int) -> Double { max(220, 60 + Double(bars) * 34) }

    /// Stacked bars of the areas with the most unserved locations (at most `ReportBuilder.chartAreaLimit`).
    public static func locationsByClass(_ c: ReportContent) -> StackedBarChart {
        StackedBarChart.locationsByClass(
            areas: c.topAreasByUnserved(ReportBuilder.chartAreaLimit).map {
                (
                    name: $0.name.isEmpty ? $0.id : $0.name, unserved: $0.unserved, underserved: $0.underserved,
                    served: $0.served
                )
            })
    }

    /// Subscribers by year of the headline scenario (area under a line).
    public static func adoption(_ h: BusinessCaseContent.Scenario) -> XYChart {
        let points = h.subscribers.enumerated().map { XYChart.DataPoint(x: Double($0.offset), y: $0.element) }
        return XYChart(
            title: "Subscribers by year",
            marks: [
                .area(
                    name: "Subscribers (\(h.label))", points: points, color: Color(red: 0.78, green: 0.86, blue: 0.93)),
                .line(name: "", points: points, color: ReportBuilder.positive, width: 1.5, dash: []),
            ],
            xAxisTitle: "Year", yAxisTitle: "Subscribers", yFormat: .number)
    }

    /// Net cash flow bars of the headline scenario and every scenario's cumulative cash flow.
    public static func cashFlow(_ bc: BusinessCaseContent, headline h: BusinessCaseContent.Scenario) -> XYChart {
        var marks: [XYChart.Mark] = [
            .bars(
                name: "Net cash flow (\(h.label))",
                points: h.netCashFlows.enumerated().map { .init(x: Double($0.offset), y: $0.element) },
                color: ReportBuilder.positive, negativeColor: ReportBuilder.negative, width: nil)
        ]
        for (i, s) in bc.scenarios.enumerated() {
            var cumulative = 0.0
            let points = s.netCashFlows.enumerated().map { t, v -> XYChart.DataPoint in
                cumulative += v
                return .init(x: Double(t), y: cumulative)
            }
            marks.append(
                .line(
                    name: "Cumulative: \(s.label)", points: points,
                    color: ReportBuilder.scenarioColors[i % ReportBuilder.scenarioColors.count],
                    width: 1.5, dash: i == 0 ? [] : [4, 2]))
        }
        return XYChart(
            title: "Cash flow by year", marks: marks, xAxisTitle: "Year", yAxisTitle: "Dollars (nominal)",
            yFormat: .dollars)
    }

    /// NPV with each risk driver alone at its low and high value.
    public static func tornado(_ h: BusinessCaseContent.Scenario) -> TornadoChart {
        TornadoChart(
            title: "NPV sensitivity: each driver alone at its low and high value",
            base: h.npv,
            rows: h.tornado.map { .init(label: $0.label, valueAtLow: $0.npvAtLow, valueAtHigh: $0.npvAtHigh) },
            axisTitle: "Net present value (line: base case \(MoneyFormatting.dollars(h.npv)))")
    }

    /// Histogram of the Monte Carlo NPVs in 40 bins, draws below zero in the negative colour.
    public static func monteCarlo(_ h: BusinessCaseContent.Scenario) -> XYChart {
        let bins = XYChart.histogramBins(h.monteCarloNPVs, count: 40)
        let width = bins.first.map { $0.upper - $0.lower } ?? 1
        let below = bins.filter { ($0.lower + $0.upper) / 2 < 0 }
        let above = bins.filter { ($0.lower + $0.upper) / 2 >= 0 }
        let parts = [
            (name: "Draws with NPV < 0", bins: below, color: ReportBuilder.negative),
            (name: "Draws with NPV ≥ 0", bins: above, color: ReportBuilder.positive),
        ]
        let marks: [XYChart.Mark] = parts.filter { !$0.bins.isEmpty }.map { part in
            .bars(
                name: part.name, points: part.bins.map { .init(x: ($0.lower + $0.upper) / 2, y: Double($0.count)) },
                color: part.color, negativeColor: nil, width: width * 0.92)
        }
        return XYChart(
            title: "Monte Carlo NPV: \(NumberFormatting.grouped(h.draws)) draws",
            marks: marks, xAxisTitle: "Net present value", yAxisTitle: "Draws",
            yFormat: .number, xFormat: .dollars, integerX: false)
    }

    /// Every chart of the report on its own canvas, in report order; the business-case charts only
    /// when the content has a business case with a headline scenario.
    public static func standalone(_ c: ReportContent, measurer: any TextMeasurer) -> [Drawn] {
        let bars = c.topAreasByUnserved(ReportBuilder.chartAreaLimit).count
        // On its own the chart needs the title the report page gives it as a heading (24 pt more).
        var locations = locationsByClass(c)
        let nouns = bars == 1 ? c.areaNoun : c.areaNounPlural
        locations.title =
            bars < c.areas.count
            ? "Locations by service class: the \(bars) \(nouns) with the most unserved locations"
            : "Locations by service class, \(nouns) ordered by unserved locations"
        var out = [
            Drawn(
                name: "locations-by-class",
                displayList: locations.render(
                    size: PageSize(width: standaloneWidth, height: locationsByClassHeight(bars: bars) + 24),
                    measurer: measurer))
        ]
        if let bc = c.businessCase, let h = bc.headline {
            let size = PageSize(width: standaloneWidth, height: standaloneHeight)
            out.append(Drawn(name: "adoption", displayList: adoption(h).render(size: size, measurer: measurer)))
            out.append(
                Drawn(name: "cash-flow", displayList: cashFlow(bc, headline: h).render(size: size, measurer: measurer)))
            out.append(Drawn(name: "tornado", displayList: tornado(h).render(size: size, measurer: measurer)))
            out.append(Drawn(name: "monte-carlo", displayList: monteCarlo(h).render(size: size, measurer: measurer)))
        }
        return out
    }
}
