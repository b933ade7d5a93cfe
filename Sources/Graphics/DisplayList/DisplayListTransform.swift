/// Uniform scaling of display lists, used to fit a map or chart into a page's content box.
extension PagePoint {
    func scaled(_ s: Double, dx: Double, dy: Double) -> PagePoint { PagePoint(x: x * s + dx, y: y * s + dy) }
}

extension Path {
    /// The path scaled by `s` about the origin, then moved by (dx, dy).
    public func scaled(by s: Double, dx: Double = 0, dy: Double = 0) -> Path {
        Path(
            elements: elements.map {
                switch $0 {
                case .move(let p): .move(p.scaled(s, dx: dx, dy: dy))
                case .line(let p): .line(p.scaled(s, dx: dx, dy: dy))
                case .curve(let a, let b, let c):
                    .curve(a.scaled(s, dx: dx, dy: dy), b.scaled(s, dx: dx, dy: dy), c.scaled(s, dx: dx, dy: dy))
                case .close: .close
                }
            })
    }

    /// The smallest rectangle holding every point of the path (control points included); nil when empty.
    public var bounds: PageRect? {
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        func add(_ p: PagePoint) {
            minX = Swift.min(minX, p.x)
            minY = Swift.min(minY, p.y)
            maxX = Swift.max(maxX, p.x)
            maxY = Swift.max(maxY, p.y)
        }
        for e in elements {
            switch e {
            case .move(let p), .line(let p): add(p)
            case .curve(let a, let b, let c):
                add(a)
                add(b)
                add(c)
            case .close: break
            }
        }
        return minX.isFinite ? PageRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY) : nil
    }

    /// The number of sub-paths (rings) in the path: one per `move`.
    public var subpathCount: Int { elements.reduce(0) { $0 + ($1.isMove ? 1 : 0) } }
}

extension Path.Element {
    var isMove: Bool { if case .move = self { true } else { false } }
}

extension DrawCommand {
    /// The command scaled by `s` about the origin, then moved by (dx, dy): geometry, stroke widths,
    /// dashes, font sizes and wrap widths all scale.
    public func scaled(by s: Double, dx: Double = 0, dy: Double = 0) -> DrawCommand {
        switch self {
        case .fill(let p, let c, let r): return .fill(p.scaled(by: s, dx: dx, dy: dy), c, r)
        case .stroke(let p, var style):
            style.width *= s
            style.dash = style.dash.map { $0 * s }
            return .stroke(p.scaled(by: s, dx: dx, dy: dy), style)
        case .text(let string, let o, let w, var style):
            style.size *= s
            return .text(string, origin: o.scaled(s, dx: dx, dy: dy), width: w.map { $0 * s }, style)
        case .clip(let p, let r): return .clip(p.scaled(by: s, dx: dx, dy: dy), r)
        case .save, .restore, .bookmark: return self
        }
    }
}

extension DisplayList {
    /// The scale that fits a `size` canvas inside `box` keeping its aspect ratio.
    public static func fitScale(of size: PageSize, into box: PageRect) -> Double {
        guard size.width > 0, size.height > 0 else { return 1 }
        return Swift.min(box.width / size.width, box.height / size.height)
    }

    /// Draws `other` scaled uniformly to fit inside `box`, centred, clipped to its scaled canvas.
    /// Returns the rectangle the canvas occupies.
    @discardableResult
    public mutating func place(_ other: DisplayList, fittingIn box: PageRect) -> PageRect {
        let s = DisplayList.fitScale(of: other.size, into: box)
        let w = other.size.width * s
        let h = other.size.height * s
        let frame = PageRect(x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h)
        append(.save)
        append(.clip(.rectangle(frame), .nonZero))
        for c in other.commands { append(c.scaled(by: s, dx: frame.x, dy: frame.y)) }
        append(.restore)
        return frame
    }

    /// The text strings drawn, in order (for tests and searches).
    public var texts: [String] {
        commands.compactMap { if case .text(let s, _, _, _) = $0 { s } else { nil } }
    }
}
