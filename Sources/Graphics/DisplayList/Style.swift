/// How overlapping sub-paths decide what is inside a fill.
public enum FillRule: Hashable, Sendable, Codable { case nonZero, evenOdd }

public enum LineCap: Hashable, Sendable, Codable { case butt, round, square }
public enum LineJoin: Hashable, Sendable, Codable { case miter, round, bevel }

/// How a path's outline is drawn.
public struct StrokeStyle: Hashable, Sendable, Codable {
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public var cap: LineCap
    public var join: LineJoin
    public init(color: Color, width: Double = 1, dash: [Double] = [], cap: LineCap = .butt, join: LineJoin = .miter) {
        self.color = color
        self.width = width
        self.dash = dash
        self.cap = cap
        self.join = join
    }
}

public enum FontWeight: Hashable, Sendable, Codable { case regular, bold }
public enum TextAlignment: Hashable, Sendable, Codable { case left, center, right }

/// How text is set. The family defaults to DejaVu Sans, the font the Makefile installs.
public struct TextStyle: Hashable, Sendable, Codable {
    public var family: String
    public var size: Double
    public var weight: FontWeight
    public var italic: Bool
    public var color: Color
    public var alignment: TextAlignment
    public init(
        family: String = TextStyle.defaultFamily, size: Double = 10, weight: FontWeight = .regular,
        italic: Bool = false, color: Color = .black, alignment: TextAlignment = .left
    ) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
        self.color = color
        self.alignment = alignment
    }
    public static let defaultFamily = "DejaVu Sans"
}
