/// Number formats used on axes, tables and summaries: thousands separators and percentages,
/// independent of the process locale (reports must read the same everywhere).
public enum NumberFormatting {
    /// `1234567` → `"1,234,567"`; negative numbers keep their sign.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A number with `decimals` decimals and thousands separators: `12345.678, 1` → `"12,345.7"`.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
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
        if step >= 1 || step <= 0 { return grouped(Int(value.rounded())) }
        var decimals = 0
        var s = step
        while s < 1 && decimals < 6 { s *= 10; decimals += 1 }
        return grouped(value, decimals: decimals)
    }
}
