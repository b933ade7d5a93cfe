/// Number formats used on axes, tables and summaries: thousands separators and percentages,
/// independent of the process locale (reports must read the same everywhere).
public enum NumberFormatting {
    /// `1234567` → `"1,234,567"`; negative numbers keep their sign.
    public static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + groupDigits(String(value.magnitude))
    }

    /// `"1234567"` → `"1,234,567"`.
    static func groupDigits(_ digits: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// A number with `decimals` decimals and thousands separators: `12345.678, 1` → `"12,345.7"`.
    /// Any finite value prints (beyond 2^53 with the digits of its binary value); infinity and NaN print "–".
    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<max(0, min(decimals, 12)) { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9_007_199_254_740_992 else {
            // Too large for Int and for exact decimals: the integer digits, grouped, and zero decimals.
            let digits = String(format: "%.0f", value.magnitude)
            var text = groupDigits(digits)
            if decimals > 0 { text += "." + String(repeating: "0", count: min(decimals, 12)) }
            return (value < 0 ? "-" : "") + text
        }
        let whole = Int(scaled / scale)
        var text = grouped(whole)
        if decimals > 0 {
            let frac = Int(scaled - Double(whole) * scale)
            let f = String(frac)
            text += "." + String(repeating: "0", count: max(0, decimals - f.count)) + f
        }
        return (value < 0 && scaled > 0 ? "-" : "") + text
    }

    /// A share in 0...1 as a percentage: `0.4567` → `"45.7%"` (one decimal by default).
    public static func percent(_ share: Double, decimals: Int = 1) -> String {
        grouped(share * 100, decimals: decimals) + "%"
    }

    /// An axis tick label: integers grouped, fractions with the decimals the step needs.
    public static func tick(_ value: Double, step: Double) -> String {
        if step >= 1 || step <= 0 { return grouped(value, decimals: 0) }
        var decimals = 0
        var s = step
        while s < 1 && decimals < 6 {
            s *= 10
            decimals += 1
        }
        return grouped(value, decimals: decimals)
    }
}
