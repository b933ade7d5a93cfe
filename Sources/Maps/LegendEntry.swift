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

    public init(classIndex: Int?, color: Color, label: String, count: Int) {
        self.classIndex = classIndex
        self.color = color
        self.label = label
        self.count = count
    }

    /// The count as printed: "1 area", "4 areas".
    public var countText: String { count == 1 ? "1 area" : "\(count) areas" }

    /// Whether this is the hatched "No data" row.
    public var isNoData: Bool { classIndex == nil }
}
