/// How a map's values print in its legend. Deterministic (no locale): "." decimal point, "," thousands.
public enum ValueFormat: Hashable, Sendable {
    /// A fraction shown as a percentage: 0.125 → "12.5%" with 1 decimal.
    case percent(decimals: Int)
    /// A plain number with thousands separators and an optional unit: 1234.5 → "1,234.5 Mbps".
    case number(decimals: Int, unit: String?)

    /// The legend default: shares of locations as percentages with one decimal.
    public static let `default` = ValueFormat.percent(decimals: 1)

    /// The value as legend text.
    public func string(_ value: Double) -> String {
        switch self {
        case .percent(let d):
            return ValueFormat.fixed(value * 100, decimals: d, grouping: false) + "%"
        case .number(let d, let unit):
            let s = ValueFormat.fixed(value, decimals: d, grouping: true)
            if let unit, !unit.isEmpty { return s + " " + unit }
            return s
        }
    }

    /// The decimals this format prints.
    public var decimals: Int {
        switch self {
        case .percent(let d), .number(let d, _): d
        }
    }

    /// This format with `decimals` places.
    public func with(decimals: Int) -> ValueFormat {
        switch self {
        case .percent: .percent(decimals: decimals)
        case .number(_, let unit): .number(decimals: decimals, unit: unit)
        }
    }

    /// The most decimals a legend is given to tell its numbers apart (`distinguishing`).
    public static let maximumLegendDecimals = 6

    /// This format with the fewest decimals, from its own up to `maximumLegendDecimals` (or its own, if
    /// more), at which no two different `values` print the same ("0%, 0%, 0%" becomes "0.1%, 0.2%,
    /// 0.3%"); the most when even those do not tell them apart.
    public func distinguishing(_ values: [Double]) -> ValueFormat {
        let distinct = Set(values).count
        let least = max(0, decimals)
        let most = max(least, Self.maximumLegendDecimals)
        for d in least...most where Set(values.map(with(decimals: d).string)).count == distinct {
            return with(decimals: d)
        }
        return with(decimals: most)
    }

    /// The value as Swift prints a Double, shortest and exact (0.30000000000000004), in this format's
    /// percent or unit: for values no legend precision tells apart.
    func exactString(_ value: Double) -> String {
        switch self {
        case .percent: return "\(value * 100)%"
        case .number(_, let unit):
            if let unit, !unit.isEmpty { return "\(value) \(unit)" }
            return "\(value)"
        }
    }

    /// `value` rounded half away from zero to `decimals` places, with "," every three integer
    /// digits when `grouping`. Negative zero prints as "0".
    static func fixed(_ value: Double, decimals: Int, grouping: Bool) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let d = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 integer digits are no longer exact; print them as Swift does.
        guard scaled < 9_007_199_254_740_992 else { return String(value) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let frac = units % UInt64(scale)
        var digits = String(whole)
        if grouping, digits.count > 3 {
            var grouped = ""
            for (i, ch) in digits.enumerated() {
                if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            digits = grouped
        }
        var s = (value < 0 && units > 0 ? "-" : "") + digits
        if d > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: d - f.count) + f
        }
        return s
    }
}
