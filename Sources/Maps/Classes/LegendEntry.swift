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
}
