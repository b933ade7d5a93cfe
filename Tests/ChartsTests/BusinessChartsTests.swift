import Charts
import Graphics
import Testing

@Suite struct BusinessChartsTests {
    @Test func barsHangBelowZeroAndScaleWithValues() {
        let m = PangoTextMeasurer()
        // Years 0…4: −1,000, 200, 400, 600, 800.
        let values: [Double] = [-1000, 200, 400, 600, 800]
        let chart = XYChart(
            title: "Cash flow",
            marks: [
                .bars(
                    name: "Net", points: values.enumerated().map { .init(x: Double($0.offset), y: $0.element) },
                    color: CoverageColors.served, negativeColor: CoverageColors.unserved, width: nil)
            ], xAxisTitle: "Year", yAxisTitle: "Dollars", yFormat: .dollars)
        let l = chart.layout(size: PageSize(width: 400, height: 300), measurer: m)
        // y domain niced: −1,000…800 with step 500 (span 1,800 / 6 = 300 → 500) → −1,000…1,000.
        #expect(l.yScale.domainStart == -1000 && l.yScale.domainEnd == 1000)
        #expect(l.yTicks == [-1000, -500, 0, 500, 1000])
        // Zero sits half-way down the plot; 800 is 0.4 of the plot height above it.
        #expect(abs(l.yScale(0) - (l.plot.minY + l.plot.height / 2)) < 1e-9)
        #expect(abs((l.yScale(0) - l.yScale(800)) - 0.4 * l.plot.height) < 1e-9)
        // x: bars 70 % of the 1-year spacing; the domain is widened by half a bar each side (−0.35…4.35).
        #expect(abs(l.xScale.domainStart - -0.35) < 1e-12 && abs(l.xScale.domainEnd - 4.35) < 1e-12)
        #expect(abs(l.barWidth - 0.7 * l.plot.width / 4.7) < 1e-9)
        #expect(l.xTicks == [0, 1, 2, 3, 4])
        // Drawn: one fill per colour, the negative bar in the negative colour.
        let list = chart.render(size: PageSize(width: 400, height: 300), measurer: m)
        let fills = list.commands.compactMap { c -> Color? in if case .fill(_, let color, _) = c { color } else { nil }
        }
        #expect(fills.contains(CoverageColors.unserved))
        #expect(fills.contains(CoverageColors.served))
        #expect(list.texts.contains("-$1,000"))
        #expect(list.texts.contains("$500"))
    }

    @Test func histogramBinsCountEveryValueOnce() {
        // 0…10 in 5 bins of width 2: [0,2) 0,1 · [2,4) 2,3 · [4,6) 4,5 · [6,8) 6,7 · [8,10] 8,9,10.
        let bins = XYChart.histogramBins((0...10).map(Double.init), count: 5)
        #expect(bins.map(\.count) == [2, 2, 2, 2, 3])
        #expect(bins.first?.lower == 0 && bins.last?.upper == 10)
        #expect(XYChart.histogramBins([], count: 5).isEmpty)
        #expect(XYChart.histogramBins([3, 3, 3], count: 4).map(\.count) == [3, 0, 0, 0])
    }

    @Test func tornadoBarsRunFromTheBase() {
        let m = PangoTextMeasurer()
        let chart = TornadoChart(
            base: 0,
            rows: [
                .init(label: "Take rate", valueAtLow: -400, valueAtHigh: 400),
                .init(label: "Cost", valueAtLow: 200, valueAtHigh: -200),
            ])
        let l = chart.layout(size: PageSize(width: 500, height: 200), measurer: m)
        let x0 = l.scale(0)
        // Take rate: low bar ends at −400, high bar starts at the base and reaches +400.
        #expect(abs(l.lowBars[0].minX - l.scale(-400)) < 1e-9 && abs(l.lowBars[0].maxX - x0) < 1e-9)
        #expect(abs(l.highBars[0].minX - x0) < 1e-9 && abs(l.highBars[0].maxX - l.scale(400)) < 1e-9)
        // Cost: half the swing, mirrored.
        #expect(abs(l.lowBars[1].width - l.highBars[0].width / 2) < 1e-9)
        #expect(abs(l.highBars[1].maxX - x0) < 1e-9)
        #expect(l.lowBars[0].maxY <= l.lowBars[1].minY)
    }

    /// The niced scale ends on a tick at each side of the plot: its label, centred on the tick, stays
    /// inside the chart (the demo's "-$10 M" and Maine's "-$600 M" were cut at the right edge), and so
    /// does an axis title long enough to wrap.
    @Test func tornadoTickLabelsAndAxisTitleStayInsideTheChart() {
        let m = PangoTextMeasurer()
        let cases: [(base: Double, rows: [TornadoChart.Row], title: String)] = [
            (
                -13_540_000,
                [
                    .init(label: "Capital cost (×0.8 / ×1.2)", valueAtLow: -10_300_000, valueAtHigh: -16_800_000),
                    .init(label: "Take rate (×0.8 / ×1.2)", valueAtLow: -15_100_000, valueAtHigh: -12_000_000),
                ], "Net present value (line: base case -$13.54 M)"
            ),
            (
                -887_270_000,
                [
                    .init(label: "Capital cost (×0.8 / ×1.2)", valueAtLow: -660_000_000, valueAtHigh: -1_110_000_000),
                    .init(label: "Take rate", valueAtLow: -930_000_000, valueAtHigh: -840_000_000),
                ], "Net present value (line: base case -$887.27 M)"
            ),
            (
                0, [.init(label: "x", valueAtLow: -1_000_000_000, valueAtHigh: 1_000_000_000)],
                String(repeating: "A long axis title that has to wrap under a narrow plot ", count: 3)
            ),
        ]
        for c in cases {
            for width in [540.0, 300.0] {
                let chart = TornadoChart(title: "NPV sensitivity", base: c.base, rows: c.rows, axisTitle: c.title)
                let size = PageSize(width: width, height: 360)
                expectTextInside(chart.render(size: size, measurer: m), m)
                let l = chart.layout(size: size, measurer: m)
                #expect(l.ticks.count >= 2)
            }
        }
    }

    @Test func moneyFormats() {
        #expect(MoneyFormatting.dollars(845_000.4) == "$845,000")
        #expect(MoneyFormatting.dollars(-12_345_678) == "-$12.35 M")
        #expect(MoneyFormatting.dollars(2_500_000_000) == "$2.50 B")
        #expect(MoneyFormatting.dollars(-0.2) == "$0")
        #expect(MoneyFormatting.tick(-5_000_000, step: 5_000_000) == "-$5 M")
        #expect(MoneyFormatting.tick(1_500_000, step: 500_000) == "$1.5 M")
        #expect(MoneyFormatting.tick(0, step: 500_000) == "$0")
        #expect(MoneyFormatting.tick(250, step: 50) == "$250")
    }
}
