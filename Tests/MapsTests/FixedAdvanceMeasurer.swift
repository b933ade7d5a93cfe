import Graphics

/// A layout aid for tests: every character advances 0.6 × the font size, a line is 1.2 × the size
/// tall, and text wraps (by characters) at the given width. Not a renderer stand-in: the map tests
/// only need some consistent text size to lay blocks out and to check nothing leaves the canvas.
struct FixedAdvanceMeasurer: TextMeasurer {
    func measure(_ text: String, style: TextStyle, width: Double?) -> PageSize {
        // Lines broken by "\n" stack; the widest sets the width.
        if text.contains("\n") {
            let sizes = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                measure(String($0), style: style, width: width)
            }
            return PageSize(width: sizes.map(\.width).max() ?? 0, height: sizes.reduce(0) { $0 + $1.height })
        }
        let advance = 0.6 * style.size
        let natural = Double(text.count) * advance
        guard let width, width > 0, natural > width else {
            return PageSize(width: natural, height: 1.2 * style.size)
        }
        let perLine = max(1, (width / advance).rounded(.down))
        let lines = (Double(text.count) / perLine).rounded(.up)
        return PageSize(width: min(natural, perLine * advance), height: lines * 1.2 * style.size)
    }
}

/// Display-list inspection helpers.
enum Inspect {
    /// Number of sub-paths (rings) in a path: its move elements.
    static func rings(_ path: Path) -> Int {
        path.elements.reduce(0) { n, e in if case .move = e { return n + 1 } else { return n } }
    }

    /// Number of Bézier curve elements in a path (a circle has 4).
    static func curves(_ path: Path) -> Int {
        path.elements.reduce(0) { n, e in if case .curve = e { return n + 1 } else { return n } }
    }

    /// All points of a path.
    static func points(_ path: Path) -> [PagePoint] { path.points }

    /// The even-odd fills of a display list (the map's class and no-data fills), by colour.
    static func evenOddFills(_ list: DisplayList) -> [(Path, Color)] {
        list.commands.compactMap { c in
            if case .fill(let p, let color, .evenOdd) = c { return (p, color) }
            return nil
        }
    }

    /// All text commands' strings.
    static func texts(_ list: DisplayList) -> [String] {
        list.commands.compactMap { c in
            if case .text(let s, _, _, _) = c { return s }
            return nil
        }
    }

    /// The strokes of a display list.
    static func strokes(_ list: DisplayList) -> [(Path, StrokeStyle)] {
        list.commands.compactMap { c in
            if case .stroke(let p, let s) = c { return (p, s) }
            return nil
        }
    }

    /// Whether `p` lies in `r` (edges included, with a small tolerance for rounding).
    static func contains(_ r: PageRect, _ p: PagePoint, tolerance: Double = 1e-9) -> Bool {
        p.x >= r.minX - tolerance && p.x <= r.maxX + tolerance && p.y >= r.minY - tolerance && p.y <= r.maxY + tolerance
    }

    /// Every command's extent (path points, text boxes as measured) that falls outside the canvas.
    static func outsideCanvas(_ list: DisplayList, measurer: some TextMeasurer) -> [String] {
        let canvas = PageRect(x: 0, y: 0, width: list.size.width, height: list.size.height)
        var problems: [String] = []
        for c in list.commands {
            switch c {
            case .fill(let p, _, _), .stroke(let p, _), .clip(let p, _):
                for q in points(p) where !contains(canvas, q) {
                    problems.append("\(c): point \(q)")
                    break
                }
            case .text(let s, let origin, let width, let style):
                let size = measurer.measure(s, style: style, width: width)
                let boxW = width ?? size.width
                let box = PageRect(x: origin.x, y: origin.y, width: boxW, height: size.height)
                if !contains(canvas, PagePoint(x: box.minX, y: box.minY))
                    || !contains(canvas, PagePoint(x: box.maxX, y: box.maxY))
                {
                    problems.append("text '\(s)' box \(box)")
                }
            case .save, .restore, .bookmark:
                break
            }
        }
        return problems
    }
}
