import Graphics

/// One row of a choropleth legend: a colour, the value range it stands for, and how many areas it has.
public struct LegendEntry: Hashable, Sendable {
    /// The class index, nil for the "No data" row.
    public let classIndex: Int?
    public let color: Color
    /// The range as printed: "12.5% – 30.0%", "≤ 10.0%" or "No data".
    public let label: String
    /// Areas in this class.
    public let count: Int
    /// The count as printed: "1 area", "4 areas", "3 counties".
    public let countText: String

    /// The "Water" row (water-only areas, plain water fill).
    public let isWater: Bool
    /// The row of flagged areas (`MapArea.isFlagged`): a white swatch with the flag hatch.
    public let isFlag: Bool

    public init(
        classIndex: Int?, color: Color, label: String, count: Int, noun: AreaNoun = .areas, isWater: Bool = false,
        isFlag: Bool = false
    ) {
        self.classIndex = classIndex
        self.isWater = isWater
        self.isFlag = isFlag
        self.color = color
        self.label = label
        self.count = count
        countText = noun.counted(count)
    }

    /// Whether this is the hatched "No data" row.
    public var isNoData: Bool { classIndex == nil && !isWater && !isFlag }

    /// The value range of each class as a legend prints it: "low – high", the value alone for a class
    /// whose ends are one value (ties, e.g. the many zeros of a quantile), "≤ high" when the minimum
    /// lies above the first manual break.
    ///
    /// The numbers take the fewest decimals (at least `format`'s own, at most
    /// `ValueFormat.maximumLegendDecimals`) at which the minimum and the class breaks all print
    /// differently, so that no two labels read the same and no range reads "0% – 0%". Breaks closer
    /// than that precision print as Swift prints them, exactly.
    public static func rangeLabels(for classification: Classification, format: ValueFormat) -> [String] {
        let bounds = [classification.minimum].compactMap { $0 } + classification.breaks
        let fitted = format.distinguishing(bounds)
        let exact = Set(bounds.map(fitted.string)).count < Set(bounds).count
        let text = exact ? fitted.exactString : fitted.string
        return (0..<classification.classCount).map { j in
            let high = text(classification.breaks[j])
            guard let lowValue = classification.lowerBound(ofClass: j) else { return "≤ \(high)" }
            return lowValue == classification.breaks[j] ? high : "\(text(lowValue)) – \(high)"
        }
    }
}
