/// A vector path in page coordinates: the geometry of a fill or a stroke.
public struct Path: Hashable, Sendable {
    public enum Element: Hashable, Sendable {
        case move(PagePoint)
        case line(PagePoint)
        case curve(PagePoint, PagePoint, PagePoint)
        case close
    }

    public private(set) var elements: [Element] = []
    public init() {}
    public init(elements: [Element]) { self.elements = elements }

    public mutating func move(to p: PagePoint) { elements.append(.move(p)) }
    public mutating func line(to p: PagePoint) { elements.append(.line(p)) }
    public mutating func curve(to p: PagePoint, control1: PagePoint, control2: PagePoint) {
        elements.append(.curve(control1, control2, p))
    }
    public mutating func close() { elements.append(.close) }

    /// Appends a closed polygon ring.
    public mutating func addRing(_ points: [PagePoint]) {
        guard let first = points.first else { return }
        move(to: first)
        for p in points.dropFirst() { line(to: p) }
        close()
    }
    /// Makes room for `n` elements in all (a map's class fill, built ring by ring).
    public mutating func reserveCapacity(_ n: Int) { elements.reserveCapacity(n) }
    /// Appends every element of another path.
    public mutating func append(_ other: Path) { elements.append(contentsOf: other.elements) }

    public var isEmpty: Bool { elements.isEmpty }

    public static func rectangle(_ r: PageRect) -> Path {
        var p = Path()
        p.addRing([
            PagePoint(x: r.minX, y: r.minY), PagePoint(x: r.maxX, y: r.minY),
            PagePoint(x: r.maxX, y: r.maxY), PagePoint(x: r.minX, y: r.maxY),
        ])
        return p
    }
    public static func line(from a: PagePoint, to b: PagePoint) -> Path {
        Path(elements: [.move(a), .line(b)])
    }
    public static func polyline(_ points: [PagePoint]) -> Path {
        guard let first = points.first else { return Path() }
        return Path(elements: [.move(first)] + points.dropFirst().map { .line($0) })
    }
}

extension Path {
    /// Every point the path names, in order: move and line targets, and each curve's two control
    /// points and its end.
    public var points: [PagePoint] {
        elements.flatMap { e -> [PagePoint] in
            switch e {
            case .move(let p), .line(let p): [p]
            case .curve(let a, let b, let c): [a, b, c]
            case .close: []
            }
        }
    }

    /// A circle as four cubic Bézier arcs (control points at 0.5523 of the radius: the usual
    /// approximation, within 0.03 % of the radius).
    public static func circle(center c: PagePoint, radius r: Double) -> Path {
        let k = 0.552_284_749_8 * r
        var p = Path()
        p.move(to: PagePoint(x: c.x + r, y: c.y))
        p.curve(
            to: PagePoint(x: c.x, y: c.y + r), control1: PagePoint(x: c.x + r, y: c.y + k),
            control2: PagePoint(x: c.x + k, y: c.y + r))
        p.curve(
            to: PagePoint(x: c.x - r, y: c.y), control1: PagePoint(x: c.x - k, y: c.y + r),
            control2: PagePoint(x: c.x - r, y: c.y + k))
        p.curve(
            to: PagePoint(x: c.x, y: c.y - r), control1: PagePoint(x: c.x - r, y: c.y - k),
            control2: PagePoint(x: c.x - k, y: c.y - r))
        p.curve(
            to: PagePoint(x: c.x + r, y: c.y), control1: PagePoint(x: c.x + k, y: c.y - r),
            control2: PagePoint(x: c.x + r, y: c.y - k))
        p.close()
        return p
    }
}
