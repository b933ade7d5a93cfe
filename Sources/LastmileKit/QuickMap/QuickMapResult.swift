import Foundation
import Graphics

/// What `lastmile map` drew and wrote.
public struct QuickMapResult: Sendable {
    /// How the join went: rows in the table, areas that found a row, rows that matched no area.
    public struct JoinSummary: Sendable {
        public let rows: Int
        public let matchedAreas: Int
        public let unmatchedRows: Int
    }

    public let areaCount: Int
    /// Areas drawn hatched: no joined row, an empty or placeholder value.
    public let noDataCount: Int
    /// Water-only areas (drawn as water, not classified).
    public let waterCount: Int
    public let join: JoinSummary?
    public let breaks: [Double]
    public let classCounts: [Int]
    /// Titles of the inset frames drawn ("Alaska", "Hawaii", "Puerto Rico").
    public let insets: [String]
    public let labels: [String]
    public let outputs: [String]
    /// Seconds of each phase of `render`, in order: read and classify, layout, PNG pixels (all PNG
    /// outputs' bands), files (PNG compression, PDF and SVG, in parallel).
    public let phases: [(name: String, seconds: Double)]
    /// The canvas in points (PDF/SVG page size) and the PNG's pixel size.
    public let canvas: PageSize
    public let pixelSize: (width: Int, height: Int)

    /// The summary `lastmile map` prints.
    public func text() -> String {
        var lines = [
            "areas: \(areaCount), with data: \(areaCount - noDataCount - waterCount), no data: \(noDataCount)"
                + (waterCount > 0 ? ", water only: \(waterCount)" : "")
        ]
        if let join {
            lines.append(
                "join: \(English.counted(join.rows, "row")), \(English.counted(join.matchedAreas, "area")) matched, "
                    + "\(English.counted(join.unmatchedRows, "row")) matched no area"
            )
        }
        lines.append("classes: " + zip(breaks, classCounts).map { "≤ \(format($0)): \($1)" }.joined(separator: ", "))
        if !insets.isEmpty { lines.append("insets: " + insets.joined(separator: ", ")) }
        if !labels.isEmpty { lines.append("labels: " + labels.joined(separator: ", ")) }
        lines.append(
            "wrote: " + outputs.joined(separator: ", ")
                + " (\(format(canvas.width))×\(format(canvas.height)) pt; PNG \(pixelSize.width)×\(pixelSize.height) px)"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// A number in at most 6 significant digits ("0.165", "419136", "2.65144e+09").
    private func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.6g", v)
    }
}
