/// One drawing operation, device independent. Renderers (Cairo PDF/PNG/SVG, the recorder in tests)
/// replay these in order.
public enum DrawCommand: Hashable, Sendable, Codable {
    /// Fill a path with a colour.
    case fill(Path, Color, FillRule)
    /// Stroke a path's outline.
    case stroke(Path, StrokeStyle)
    /// Set text in a box. The box's origin is the top-left of the first line; `width` wraps lines
    /// (nil: no wrapping) and aligns them; the text is not clipped to `height`.
    case text(String, origin: PagePoint, width: Double?, TextStyle)
    /// Save the graphics state (clip), and restore it.
    case save
    case restore
    /// Intersect the clip with a path.
    case clip(Path, FillRule)
    /// A named destination for the PDF outline (bookmark) at this page: title and nesting level (0 = top).
    case bookmark(String, level: Int)
}

/// A canvas of a given size and the commands that draw it: one page of a report, one map or chart.
public struct DisplayList: Hashable, Sendable, Codable {
    public var size: PageSize
    public private(set) var commands: [DrawCommand] = []

    public init(size: PageSize) { self.size = size }

    public mutating func append(_ c: DrawCommand) { commands.append(c) }
    public mutating func append(contentsOf other: DisplayList) { commands.append(contentsOf: other.commands) }

    public mutating func fill(_ path: Path, _ color: Color, rule: FillRule = .nonZero) {
        commands.append(.fill(path, color, rule))
    }
    public mutating func stroke(_ path: Path, _ style: StrokeStyle) { commands.append(.stroke(path, style)) }
    public mutating func text(_ s: String, at origin: PagePoint, width: Double? = nil, style: TextStyle) {
        commands.append(.text(s, origin: origin, width: width, style))
    }

    /// Draws another display list translated so that its origin lands at `origin` and clipped to its size.
    public mutating func place(_ other: DisplayList, at origin: PagePoint) {
        commands.append(.save)
        commands.append(
            .clip(
                .rectangle(
                    PageRect(
                        x: origin.x, y: origin.y, width: other.size.width,
                        height: other.size.height)), .nonZero))
        commands.append(contentsOf: other.commands.map { $0.translated(dx: origin.x, dy: origin.y) })
        commands.append(.restore)
    }
}

extension PagePoint {
    func translated(dx: Double, dy: Double) -> PagePoint { PagePoint(x: x + dx, y: y + dy) }
}

extension Path {
    /// The path moved by (dx, dy).
    public func translated(dx: Double, dy: Double) -> Path {
        Path(
            elements: elements.map {
                switch $0 {
                case .move(let p): .move(p.translated(dx: dx, dy: dy))
                case .line(let p): .line(p.translated(dx: dx, dy: dy))
                case .curve(let a, let b, let c):
                    .curve(a.translated(dx: dx, dy: dy), b.translated(dx: dx, dy: dy), c.translated(dx: dx, dy: dy))
                case .close: .close
                }
            })
    }
}

extension DrawCommand {
    /// The command moved by (dx, dy).
    public func translated(dx: Double, dy: Double) -> DrawCommand {
        switch self {
        case .fill(let p, let c, let r): .fill(p.translated(dx: dx, dy: dy), c, r)
        case .stroke(let p, let s): .stroke(p.translated(dx: dx, dy: dy), s)
        case .text(let s, let o, let w, let st): .text(s, origin: o.translated(dx: dx, dy: dy), width: w, st)
        case .clip(let p, let r): .clip(p.translated(dx: dx, dy: dy), r)
        case .save, .restore, .bookmark: self
        }
    }
}

/// A multi-page document: the report.
public struct Document: Hashable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    /// Creation date written into PDF metadata, ISO 8601 ("2026-11-28T00:00:00Z"); pinned for reproducible output.
    public var creationDate: String
    public var pages: [DisplayList]

    public init(
        title: String, author: String = "Lastmile", subject: String = "", creationDate: String,
        pages: [DisplayList] = []
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.creationDate = creationDate
        self.pages = pages
    }
}

/// Measures set text, so that layouts (tables, legends, labels) can size boxes before rendering.
public protocol TextMeasurer {
    /// The size of `text` set in `style`, wrapped at `width` when given.
    func measure(_ text: String, style: TextStyle, width: Double?) -> PageSize
}
