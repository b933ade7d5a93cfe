/// Dollar amounts for tables and axes: whole dollars grouped below $1 million, then millions or
/// billions with two decimals; negative amounts keep a leading minus ("-$1.25 M").
public enum MoneyFormatting {
    public static func dollars(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let sign = value < 0 ? "-" : ""
        let m = value.magnitude
        if m >= 1e9 { return sign + "$" + NumberFormatting.grouped(m / 1e9, decimals: 2) + " B" }
        if m >= 1e6 { return sign + "$" + NumberFormatting.grouped(m / 1e6, decimals: 2) + " M" }
        let whole = Int(m.rounded())
        return (whole == 0 ? "" : sign) + "$" + NumberFormatting.grouped(whole)
    }

    /// An axis label at a tick step: millions with the decimals the step needs ("$1.5 M"), else dollars.
    public static func tick(_ value: Double, step: Double) -> String {
        if value.magnitude < step / 2 { return "$0" }
        let sign = value < 0 ? "-" : ""
        if step >= 1e5 || value.magnitude >= 1e6 && step >= 1e4 {
            let decimals = step >= 1e6 ? 0 : step >= 1e5 ? 1 : 2
            let text = NumberFormatting.grouped(value.magnitude / 1e6, decimals: decimals)
            return (text.allSatisfy { $0 == "0" || $0 == "." } ? "" : sign) + "$" + text + " M"
        }
        let text = NumberFormatting.tick(value.magnitude, step: step)
        return (value.magnitude < step / 2 ? "" : sign) + "$" + text
    }
}
