/// A position on a page or canvas, in points (1/72 inch), origin top-left, y down.
public struct PagePoint: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A size in points.
public struct PageSize: Hashable, Sendable, Codable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// US Letter, 8.5 × 11 in.
    public static let letter = PageSize(width: 612, height: 792)
    /// ISO A4, 210 × 297 mm.
    public static let a4 = PageSize(width: 595.276, height: 841.89)
    /// Tabloid, 11 × 17 in.
    public static let tabloid = PageSize(width: 792, height: 1224)
}

/// A rectangle in points, origin top-left.
public struct PageRect: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: PagePoint { PagePoint(x: x + width / 2, y: y + height / 2) }

    /// The rectangle shrunk by `d` on every side.
    public func inset(by d: Double) -> PageRect {
        PageRect(x: x + d, y: y + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }
    public func intersects(_ o: PageRect) -> Bool {
        !(o.minX >= maxX || o.maxX <= minX || o.minY >= maxY || o.maxY <= minY)
    }
    /// Whether `p` lies inside or on the edge.
    public func contains(_ p: PagePoint) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
    /// Whether `r` lies wholly inside.
    public func contains(_ r: PageRect) -> Bool {
        r.minX >= minX && r.maxX <= maxX && r.minY >= minY && r.maxY <= maxY
    }
}
