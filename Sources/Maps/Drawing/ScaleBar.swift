/// A scale bar: a round ground distance and the page length that shows it.
public struct ScaleBar: Hashable, Sendable {
    /// The unit a bar is labelled in.
    public enum Unit: Hashable, Sendable {
        case kilometres, miles

        /// Metres per unit; the international mile is 1,609.344 m (NIST SP 811, appendix B).
        public var metres: Double {
            switch self {
            case .kilometres: 1_000
            case .miles: 1_609.344
            }
        }
    }

    public let unit: Unit
    /// The distance shown, in `unit` (a number of the 1-2-5 sequence: …, 0.5, 1, 2, 5, 10, 20, …).
    public let length: Double
    /// The bar's length on the page, in points.
    public let width: Double

    /// The longest round bar that is no longer than `maxWidth` points at `metresPerPoint`.
    ///
    /// A bar between 40 % and 100 % of `maxWidth` results (1-2-5 steps are at most 2.5× apart).
    public init(unit: Unit, metresPerPoint: Double, maxWidth: Double) {
        self.unit = unit
        let maxLength = maxWidth * metresPerPoint / unit.metres
        length = ScaleBar.roundLength(notExceeding: maxLength)
        width = length * unit.metres / metresPerPoint
    }

    /// The largest number of the 1-2-5 sequence (1, 2, 5 times a power of ten) that is `<= limit`;
    /// `limit` must be positive (non-positive or non-finite limits give 0).
    public static func roundLength(notExceeding limit: Double) -> Double {
        guard limit > 0, limit.isFinite else { return 0 }
        var base = 1.0
        while base * 10 <= limit { base *= 10 }
        while base > limit { base /= 10 }
        // base is now the largest power of ten <= limit (up to rounding of the divisions).
        for m in [5.0, 2.0] where m * base <= limit { return m * base }
        return base
    }

    /// The bar's label: "2 km", "500 m" (kilometre bars under 1 km), "1 mi", "0.5 mi".
    public var label: String {
        switch unit {
        case .kilometres:
            if length < 1 { return ScaleBar.trimmed(length * 1_000) + " m" }
            return ScaleBar.trimmed(length) + " km"
        case .miles:
            return ScaleBar.trimmed(length) + " mi"
        }
    }

    /// A round length printed without trailing zeros ("2", "0.5", "0.02").
    static func trimmed(_ v: Double) -> String {
        var s = ValueFormat.fixed(v, decimals: 6, grouping: true)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
