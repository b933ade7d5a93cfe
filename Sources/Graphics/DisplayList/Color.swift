/// An sRGB colour with alpha, components in 0...1.
public struct Color: Hashable, Sendable, Codable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a hex string `#rrggbb` or `#rrggbbaa`. Returns nil for anything else.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6 || s.count == 8, let v = UInt64(s, radix: 16) else { return nil }
        if s.count == 6 {
            self.init(
                red: Double((v >> 16) & 0xff) / 255, green: Double((v >> 8) & 0xff) / 255,
                blue: Double(v & 0xff) / 255)
        } else {
            self.init(
                red: Double((v >> 24) & 0xff) / 255, green: Double((v >> 16) & 0xff) / 255,
                blue: Double((v >> 8) & 0xff) / 255, alpha: Double(v & 0xff) / 255)
        }
    }

    /// `#rrggbb` (alpha omitted when opaque).
    public var hex: String {
        func h(_ c: Double) -> String {
            let v = Int((max(0, min(1, c)) * 255).rounded())
            return (v < 16 ? "0" : "") + String(v, radix: 16)
        }
        return "#" + h(red) + h(green) + h(blue) + (alpha < 1 ? h(alpha) : "")
    }
    public var description: String { hex }

    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
    public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)
}
