import Testing

@testable import Maps

/// Legend numbers take as many decimals as their classes need, and no more: the fewest (from the
/// format's own) at which the minimum and every class break print differently.
@Suite struct LegendLabelTests {
    /// The labels of manual `breaks` over `minimum` and the breaks (or over `values`).
    static func labels(minimum: Double, breaks: [Double], values: [Double]? = nil, _ format: ValueFormat) throws
        -> [String]
    {
        let c = try Classification(values: values ?? [minimum] + breaks, scheme: .manual(breaks))
        #expect(c.minimum == minimum)
        return LegendEntry.rangeLabels(for: c, format: format)
    }

    @Test func thousandthsGetThreeDecimals() throws {
        #expect(
            try Self.labels(minimum: 0, breaks: [0.001, 0.002, 0.003, 0.004, 0.005], .number(decimals: 0, unit: nil))
                == ["0.000 – 0.001", "0.001 – 0.002", "0.002 – 0.003", "0.003 – 0.004", "0.004 – 0.005"])
        // As shares: a tenth of a percent each.
        #expect(
            try Self.labels(minimum: 0, breaks: [0.001, 0.002, 0.003, 0.004, 0.005], .percent(decimals: 0))
                == ["0.0% – 0.1%", "0.1% – 0.2%", "0.2% – 0.3%", "0.3% – 0.4%", "0.4% – 0.5%"])
    }

    @Test func wholeNumbersStayWhole() throws {
        // The minimum is the first break: class 0 holds that one value and reads as it.
        #expect(
            try Self.labels(minimum: 0, breaks: [0, 25, 50], .number(decimals: 0, unit: nil)) == [
                "0", "0 – 25", "25 – 50",
            ])
        #expect(
            try Self.labels(minimum: 1_200, breaks: [25_000, 50_000], .number(decimals: 0, unit: "Mbps"))
                == ["1,200 Mbps – 25,000 Mbps", "25,000 Mbps – 50,000 Mbps"])
        // The minimum above the first manual break: "≤ b".
        #expect(
            try Self.labels(minimum: 30, breaks: [25, 50], values: [30, 50], .number(decimals: 0, unit: nil))
                == ["≤ 25", "25 – 50"])
    }

    @Test func percentSharesTakeTheDecimalsTheirBreaksNeed() throws {
        // Maine-like shares of a few tenths of a percent: whole percentages would read
        // "0%, 0% – 0%, …" (before: "0%, 0%, 0%, 0%, 0% – 1%"); one decimal tells them apart.
        #expect(
            try Self.labels(minimum: 0.0004, breaks: [0.0012, 0.0031, 0.0049, 0.0062, 0.0108], .percent(decimals: 0))
                == ["0.0% – 0.1%", "0.1% – 0.3%", "0.3% – 0.5%", "0.5% – 0.6%", "0.6% – 1.1%"])
        // Shares far apart keep whole percentages.
        #expect(
            try Self.labels(minimum: 0.04, breaks: [0.11, 0.19, 0.6, 0.9, 1], .percent(decimals: 0))
                == ["4% – 11%", "11% – 19%", "19% – 60%", "60% – 90%", "90% – 100%"])
        // A format's own decimals are the least it gets.
        #expect(
            try Self.labels(minimum: 0.1, breaks: [0.2, 0.5], .percent(decimals: 1)) == [
                "10.0% – 20.0%", "20.0% – 50.0%",
            ])
        // Two breaks 0.03 percentage points apart: two decimals.
        #expect(
            try Self.labels(minimum: 0.1, breaks: [0.1231, 0.1234, 0.2], .percent(decimals: 0))
                == ["10.00% – 12.31%", "12.31% – 12.34%", "12.34% – 20.00%"])
    }

    @Test func noTwoLabelsAreTheSame() throws {
        // Manual breaks and a largest value one ulp above the last break (mapclassify appends it): no
        // precision up to the maximum tells them apart, so they print exactly.
        let c = try Classification(values: [0.1, 0.30000000000000004], scheme: .manual([0.3]))
        #expect(c.breaks == [0.3, 0.30000000000000004])
        let labels = LegendEntry.rangeLabels(for: c, format: .number(decimals: 0, unit: nil))
        #expect(labels == ["0.1 – 0.3", "0.3 – 0.30000000000000004"])
        #expect(Set(labels).count == labels.count)
        // Whatever the values, every label differs.
        for scale in [1e-9, 1e-4, 0.01, 1, 1_000, 1e9] {
            let values = (1...40).map { Double($0 * $0) * scale }
            for scheme in [ClassificationScheme.quantile, .equalInterval, .naturalBreaks] {
                let c = try Classification(values: values, scheme: scheme, classCount: 7)
                for format in [ValueFormat.percent(decimals: 0), .number(decimals: 0, unit: nil)] {
                    let l = LegendEntry.rangeLabels(for: c, format: format)
                    #expect(Set(l).count == l.count, "\(scale) \(scheme) \(format): \(l)")
                }
            }
        }
    }

    @Test func fewestDecimalsOfAFormat() {
        #expect(ValueFormat.percent(decimals: 0).distinguishing([0.01, 0.02]) == .percent(decimals: 0))
        #expect(ValueFormat.percent(decimals: 0).distinguishing([0.001, 0.002]) == .percent(decimals: 1))
        #expect(
            ValueFormat.number(decimals: 0, unit: "x").distinguishing([1.25, 1.3]) == .number(decimals: 2, unit: "x"))
        #expect(
            ValueFormat.number(decimals: 0, unit: nil).distinguishing([1, 1, 2]) == .number(decimals: 0, unit: nil))
        #expect(ValueFormat.number(decimals: 8, unit: nil).distinguishing([1, 2]) == .number(decimals: 8, unit: nil))
        #expect(
            ValueFormat.number(decimals: 0, unit: nil).distinguishing([1, 1 + 1e-9]) == .number(decimals: 6, unit: nil))
    }
}
