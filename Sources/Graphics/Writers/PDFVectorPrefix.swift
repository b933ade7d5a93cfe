import CZlib

/// A page's dense run of opaque fills and strokes (a map's background, class fills and boundaries, at the
/// page's start or inside a report page's map frame), written as a PDF content stream by Lastmile itself
/// instead of through cairo-pdf, and drawn before the rest of the page.
///
/// cairo 1.16 deflates every content stream at zlib's default level (6), which it does not let a caller
/// change, and formats each coordinate with `snprintf`: for the 3,998 block groups of the peer
/// benchmark's P3 map (2.8 MB of path operators) that was 0.3 s of the PDF's 0.35 s. Here the same
/// operators are formatted with integer arithmetic and deflated at level 1; cairo draws the rest of the
/// page (text, legend, furniture), and `PDFIncrementalUpdate` makes the page's `/Contents` this stream
/// followed by cairo's. Coordinates are rounded as cairo rounds them (to its 24.8 fixed point, printed
/// with three decimals), so both streams give the same drawing.
struct PDFVectorPrefix {
    /// Runs of fewer path elements than this are left to cairo (the gain is in dense maps).
    static let minimumElements = 4_096

    /// zlib level of the stream: 1, the fastest. For the P3 map's 2.84 MB of operators: 1.07 MB against
    /// cairo's 0.90 MB at level 6 (18 % more), in a fifth of the time.
    static let compressionLevel: Int32 = 1

    /// The commands this writer draws on a page and the clips they are drawn in.
    struct Run: Equatable {
        /// Consecutive fills and strokes of opaque colours, `minimumElements` path elements or more.
        var range: Range<Int>
        /// The clip paths in force at the run (outermost first), drawn by the stream itself.
        var clips: [Path]
        var clipRules: [FillRule]
    }

    /// The first run of consecutive opaque fills and strokes holding `minimumElements` path elements or
    /// more: on a map page of the report, the map's background, class fills and boundaries, inside the
    /// clip of its frame, after the page's heading. The stream is drawn before the rest of the page, so a
    /// run is taken only where that cannot be seen: either nothing is painted before it, or the run is
    /// clipped and nothing painted before it (fills, strokes, text by `inkBounds`) reaches into its
    /// clip's bounds. Nil when no run qualifies.
    /// - Parameter inkBounds: the bounds of a text command's ink on the page (nil when unknown: the page
    ///   is then left to cairo if the text comes before a run).
    static func denseRun(
        of page: DisplayList, inkBounds: (String, PagePoint, Double?, TextStyle) -> PageRect?
    ) -> Run? {
        let commands = page.commands
        // Clips in force (with the save depth they were set at) and the painted area before the run.
        var clips: [(path: Path, rule: FillRule, depth: Int)] = []
        var depth = 0
        var painted: [PageRect?] = []
        var start = 0
        var elements = 0
        func accept(_ command: DrawCommand) -> Int? {
            switch command {
            case .fill(let path, let color, _) where color.alpha >= 1: path.elements.count
            case .stroke(let path, let style) where style.color.alpha >= 1 && style.width > 0: path.elements.count
            default: nil
            }
        }
        func bounds(_ command: DrawCommand) -> PageRect?? {
            switch command {
            case .fill(let path, _, _): .some(path.bounds)
            case .stroke(let path, let style):
                // Half the width times the miter limit (10) reaches past any join or cap.
                .some(path.bounds.map { $0.inset(by: -style.width * 5) })
            case .text(let s, let origin, let width, let style): .some(inkBounds(s, origin, width, style))
            case .save, .restore, .clip, .bookmark: .none
            }
        }
        var k = 0
        while k <= commands.count {
            let n = k < commands.count ? accept(commands[k]) : nil
            if let n {
                if elements == 0 { start = k }
                elements += n
                k += 1
                continue
            }
            if elements >= minimumElements { break }
            // The run so far is too small: it stays cairo's, painted before any later run.
            if elements > 0 { painted += commands[start..<k].map { bounds($0) ?? nil } }
            elements = 0
            guard k < commands.count else { return nil }
            switch commands[k] {
            case .save: depth += 1
            case .restore:
                depth = max(0, depth - 1)
                clips.removeAll { $0.depth > depth }
            case .clip(let path, let rule): clips.append((path, rule, depth))
            case let c: if let b = bounds(c) { painted.append(b) }
            }
            k += 1
        }
        guard elements >= minimumElements else { return nil }
        if !painted.isEmpty {
            // Any clip's bounds hold the run's drawing; a point of margin for anti-aliased edges.
            guard let region = clips.last?.path.bounds?.inset(by: -1) else { return nil }
            for p in painted {
                guard let p, !p.intersects(region) else { return nil }
            }
        }
        return Run(range: start..<k, clips: clips.map(\.path), clipRules: clips.map(\.rule))
    }

    /// The content stream of `commands` (each a fill or stroke of a `denseRun`) on a page
    /// `height` points high, in cairo's page coordinates (y down, flipped by the stream's matrix), as
    /// a complete graphics-state group (`q … Q`), deflated (zlib format, for `/FlateDecode`).
    /// `clips` (with their fill rules) are set first, as cairo's `clip` would.
    static func deflatedStream(
        _ commands: ArraySlice<DrawCommand>, clips: [Path] = [], clipRules: [FillRule] = [], pageHeight height: Double
    ) -> [UInt8] {
        var out = PDFOperatorBuffer()
        out.bytes.reserveCapacity(1 << 20)
        out.ascii("q 1 0 0 -1 0 ")
        out.number(height, decimals: 6)
        out.ascii(" cm\n")
        for (path, rule) in zip(clips, clipRules) {
            out.path(path)
            out.ascii(rule == .evenOdd ? "W* n\n" : "W n\n")
        }
        for command in commands {
            switch command {
            case .fill(let path, let color, let rule):
                out.color(color, stroke: false)
                out.path(path)
                out.ascii(rule == .evenOdd ? "f*\n" : "f\n")
            case .stroke(let path, let style):
                out.color(style.color, stroke: true)
                out.number(style.width, decimals: 6)
                out.ascii(" w ")
                let cap: StaticString =
                    switch style.cap {
                    case .butt: "0 J "
                    case .round: "1 J "
                    case .square: "2 J "
                    }
                let join: StaticString =
                    switch style.join {
                    case .miter: "0 j "
                    case .round: "1 j "
                    case .bevel: "2 j "
                    }
                out.ascii(cap)
                out.ascii(join)
                out.ascii("[")
                for (i, d) in style.dash.enumerated() {
                    if i > 0 { out.ascii(" ") }
                    out.number(d, decimals: 6)
                }
                // cairo's default miter limit, 10 (also PDF's).
                out.ascii("] 0 d 10 M\n")
                out.path(path)
                out.ascii("S\n")
            default:
                preconditionFailure("PDFVectorPrefix: only fills and strokes")
            }
        }
        out.ascii("Q\n")
        return deflate(out.bytes, level: compressionLevel)
    }

    /// `bytes` deflated in the zlib format at `level`.
    static func deflate(_ bytes: [UInt8], level: Int32) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        // compress2 returns Z_OK, or Z_MEM_ERROR / Z_BUF_ERROR (the buffer is compressBound: cannot be too small).
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in
                compress2(o.baseAddress, &length, i.baseAddress, uLong(i.count), level)
            }
        }
        precondition(status == Z_OK, "compress2 failed: \(status)")
        out.removeLast(out.count - Int(length))
        return out
    }
}

/// PDF operators as bytes, numbers formatted without `snprintf`.
struct PDFOperatorBuffer {
    var bytes: [UInt8] = []

    mutating func ascii(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `value` with at most `decimals` decimals (rounded half to even), trailing zeros dropped.
    mutating func number(_ value: Double, decimals: Int) {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * Double(scale)).rounded(.toNearestOrEven)
        guard scaled.magnitude < 9e15 else {
            // Out of any page's range: plain Swift formatting.
            bytes.append(contentsOf: Array("\(value)".utf8))
            return
        }
        decimal(Int64(scaled), scale: scale, decimals: decimals)
    }

    /// A coordinate as cairo writes it: rounded to 1/256 (its fixed point, half to even), printed
    /// with three decimals (half to even), trailing zeros dropped.
    mutating func coordinate(_ value: Double) {
        let fixed = (value * 256).rounded(.toNearestOrEven)
        guard fixed.magnitude < 1e15 else {
            number(value, decimals: 3)
            return
        }
        let f = Int64(fixed)
        let t = f.magnitude * 1000
        var q = t >> 8
        let r = t & 0xff
        if r > 128 || (r == 128 && q & 1 == 1) { q += 1 }
        decimal(f < 0 ? -Int64(q) : Int64(q), scale: 1000, decimals: 3)
    }

    /// `units / scale` in decimal, trailing zeros dropped ("-0" written "0").
    private mutating func decimal(_ units: Int64, scale: Int64, decimals: Int) {
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let m = units.magnitude
        let whole = m / UInt64(scale)
        var frac = m % UInt64(scale)
        integer(whole)
        guard frac > 0 else { return }
        var digits = decimals
        while frac % 10 == 0 {
            frac /= 10
            digits -= 1
        }
        bytes.append(UInt8(ascii: "."))
        var buffer: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            48, 48, 48, 48, 48, 48, 48, 48, 48
        )
        withUnsafeMutableBytes(of: &buffer) { b in
            var i = digits - 1
            while i >= 0 {
                b[i] = UInt8(48 + frac % 10)
                frac /= 10
                i -= 1
            }
            bytes.append(contentsOf: b.prefix(digits))
        }
    }

    private mutating func integer(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(48 + value))
            return
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { b in
            var v = value
            var i = b.count
            while v > 0 {
                i -= 1
                b[i] = UInt8(48 + v % 10)
                v /= 10
            }
            bytes.append(contentsOf: b[i...])
        }
    }

    mutating func color(_ c: Color, stroke: Bool) {
        number(c.red, decimals: 6)
        bytes.append(UInt8(ascii: " "))
        number(c.green, decimals: 6)
        bytes.append(UInt8(ascii: " "))
        number(c.blue, decimals: 6)
        ascii(stroke ? " RG " : " rg ")
    }

    mutating func path(_ path: Path) {
        for element in path.elements {
            switch element {
            case .move(let p):
                point(p)
                ascii("m ")
            case .line(let p):
                point(p)
                ascii("l ")
            case .curve(let a, let b, let c):
                point(a)
                point(b)
                point(c)
                ascii("c ")
            case .close:
                ascii("h ")
            }
            // Lines of about 80 characters, as cairo writes them.
            if bytes.count - lineStart > 72 {
                bytes.append(10)
                lineStart = bytes.count
            }
        }
        bytes.append(10)
        lineStart = bytes.count
    }

    private var lineStart = 0

    private mutating func point(_ p: PagePoint) {
        coordinate(p.x)
        bytes.append(UInt8(ascii: " "))
        coordinate(p.y)
        bytes.append(UInt8(ascii: " "))
    }
}
