import CZlib

/// The leading opaque fills and strokes of a page (a map's background, class fills and boundaries),
/// written as a PDF content stream by Lastmile itself instead of through cairo-pdf.
///
/// cairo 1.16 deflates every content stream at zlib's default level (6), which it does not let a caller
/// change, and formats each coordinate with `snprintf`: for the 3,998 block groups of the peer
/// benchmark's P3 map (2.8 MB of path operators) that was 0.3 s of the PDF's 0.35 s. Here the same
/// operators are formatted with integer arithmetic and deflated at level 1; cairo draws the rest of the
/// page (text, legend, furniture), and `PDFIncrementalUpdate` makes the page's `/Contents` this stream
/// followed by cairo's. Coordinates are rounded as cairo rounds them (to its 24.8 fixed point, printed
/// with three decimals), so both streams give the same drawing.
struct PDFVectorPrefix {
    /// Pages whose leading vector commands hold fewer path elements than this are left to cairo alone
    /// (report pages start with text; the gain is in dense maps).
    static let minimumElements = 4_096

    /// zlib level of the stream: 1, the fastest. For the P3 map's 2.84 MB of operators: 1.07 MB against
    /// cairo's 0.90 MB at level 6 (18 % more), in a fifth of the time.
    static let compressionLevel: Int32 = 1

    /// How many leading commands of `page` this writer draws: fills and strokes of opaque colours, up to
    /// the first other command (text, clip, save, bookmark) or translucent colour. Zero when they hold
    /// fewer than `minimumElements` path elements.
    static func prefixLength(of page: DisplayList) -> Int {
        var count = 0
        var elements = 0
        for command in page.commands {
            switch command {
            case .fill(let path, let color, _) where color.alpha >= 1:
                elements += path.elements.count
            case .stroke(let path, let style) where style.color.alpha >= 1 && style.width > 0:
                elements += path.elements.count
            default:
                return elements >= minimumElements ? count : 0
            }
            count += 1
        }
        return elements >= minimumElements ? count : 0
    }

    /// The content stream of `commands` (each a fill or stroke accepted by `prefixLength`) on a page
    /// `height` points high, in cairo's page coordinates (y down, flipped by the stream's matrix), as
    /// a complete graphics-state group (`q … Q`), deflated (zlib format, for `/FlateDecode`).
    static func deflatedStream(_ commands: ArraySlice<DrawCommand>, pageHeight height: Double) -> [UInt8] {
        var out = PDFOperatorBuffer()
        out.bytes.reserveCapacity(1 << 20)
        out.ascii("q 1 0 0 -1 0 ")
        out.number(height, decimals: 6)
        out.ascii(" cm\n")
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
