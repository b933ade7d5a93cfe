import GeoIO
import GeoModel

extension CSVRecordReader {
    /// What `nextPlainRow` found.
    enum PlainRow {
        /// A row parsed by the fast path.
        case row(AvailabilityRow)
        /// The next record needs the general parser (`BDCRowParser.next`): it has a quoted field, the
        /// wrong number of fields, a value the fast path does not accept, or it is the last line
        /// without a line break, a blank line, or the end of the input.
        case general
    }

    /// The fast path for the common BDC record: one physical line, every value valid, quotes only
    /// around whole fields that hold no separator, quote or line break (`"190047","1010525458",40`, as
    /// the November 2022 release writes most values). Finds all separators of the line 8 bytes at a time (an exact per-byte zero
    /// test, Hacker's Delight 6-1, over the word XOR each separator) and parses only the columns whose
    /// field indices `columns` gives (`BDCHeader.columns`), straight from the buffer. `ends` is scratch
    /// space for `fieldCount` offsets. It never throws: anything unusual is left untouched (the
    /// position does not move) for the general parser, which gives the same values and the exact error.
    @inline(__always)
    mutating func nextPlainRow(
        columns c: BDCHeader.Columns, fieldCount n: Int, ends: UnsafeMutablePointer<Int>,
        texts: inout AvailabilityTexts
    ) -> PlainRow {
        let end = limit
        let base = self.base
        let start = position
        var field = 0
        var q = start
        var lineEnd = -1
        // Simple quoting: a quote may open a field only at its first byte and must close right before a
        // separator or line end; anything else (a quoted comma, a doubled quote) is the general parser's.
        var fieldStart = start
        var inQuotes = false
        @inline(__always) func quoteIsPlain(_ at: Int) -> Bool {
            if !inQuotes { return at == fieldStart }
            guard at + 1 < end else { return false }
            let next = base[at + 1]
            return next == Self.comma || next == Self.lf || next == Self.cr
        }
        #if _endian(little)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x) & highs }
            scan: while q + 8 <= end {
                let w = UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self)
                // Separators, line ends, quotes, and any non-ASCII byte (text that needs UTF-8 validation
                // goes to the general parser).
                var hits =
                    zeroBytes(w ^ (ones &* 0x2C)) | zeroBytes(w ^ (ones &* 0x0A)) | zeroBytes(w ^ (ones &* 0x0D))
                    | zeroBytes(w ^ (ones &* 0x22)) | (w & highs)
                while hits != 0 {
                    let at = q + hits.trailingZeroBitCount >> 3
                    let ch = base[at]
                    if ch >= 0x80 { return .general }
                    if ch == Self.comma {
                        guard field < n, !inQuotes else { return .general }
                        ends[field] = at
                        field += 1
                        fieldStart = at + 1
                    } else if ch == Self.quote {
                        guard quoteIsPlain(at) else { return .general }
                        inQuotes.toggle()
                    } else {
                        guard !inQuotes else { return .general }
                        lineEnd = at
                        break scan
                    }
                    hits &= hits &- 1
                }
                q += 8
            }
        #endif
        if lineEnd < 0 {
            while q < end {
                let ch = base[q]
                if ch == Self.comma {
                    guard field < n, !inQuotes else { return .general }
                    ends[field] = q
                    field += 1
                    fieldStart = q + 1
                } else if ch == Self.quote {
                    guard quoteIsPlain(q) else { return .general }
                    inQuotes.toggle()
                } else if ch >= 0x80 {
                    return .general
                } else if ch == Self.lf || ch == Self.cr {
                    guard !inQuotes else { return .general }
                    lineEnd = q
                    break
                }
                q += 1
            }
            if lineEnd < 0 { return .general }
        }
        guard field == n - 1, n > 1 else { return .general }
        ends[field] = lineEnd
        let p: Int
        if base[lineEnd] == Self.lf {
            p = lineEnd + 1
        } else if lineEnd + 1 < end {
            p = base[lineEnd + 1] == Self.lf ? lineEnd + 2 : lineEnd + 1
        } else if atEnd {
            p = lineEnd + 1
        } else {
            return .general
        }
        // A field that starts with a quote ends with its closing quote (checked above): drop both.
        @inline(__always) func bounds(_ i: Int) -> (Int, Int) {
            let s = i == 0 ? start : ends[i - 1] + 1
            let e = ends[i]
            return e - s >= 2 && base[s] == Self.quote ? (s + 1, e - 1) : (s, e)
        }
        let loc = bounds(c.location)
        let tech = bounds(c.technology)
        let down = bounds(c.download)
        let up = bounds(c.upload)
        let lat = bounds(c.lowLatency)
        let code = bounds(c.businessResidential)
        let block = bounds(c.block)
        @inline(__always) func span(_ r: (Int, Int)) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: base + r.0, count: r.1 - r.0)
        }
        guard let location = FieldParsing.int64(span(loc)), location >= 0,
            let technology = FieldParsing.int64(span(tech)), technology >= 0, technology <= Int64(Int32.max)
        else { return .general }
        var download: Double?
        if down.1 > down.0 {
            guard case .value(let v) = FieldParsing.decimal(span(down)) else { return .general }
            download = v
        }
        var upload: Double?
        if up.1 > up.0 {
            guard case .value(let v) = FieldParsing.decimal(span(up)) else { return .general }
            upload = v
        }
        let lowLatency: Bool?
        switch lat.1 - lat.0 {
        case 0: lowLatency = nil
        case 1:
            switch base[lat.0] {
            case UInt8(ascii: "1"): lowLatency = true
            case UInt8(ascii: "0"): lowLatency = false
            default: return .general
            }
        default: return .general
        }
        guard code.1 - code.0 == 1 else { return .general }
        let businessResidential: BusinessResidentialCode
        switch base[code.0] {
        case UInt8(ascii: "R"): businessResidential = .residential
        case UInt8(ascii: "B"): businessResidential = .business
        case UInt8(ascii: "X"): businessResidential = .both
        default: return .general
        }
        // The provider id: an integer, or -1 without the column; anything else is the general parser's.
        var providerID: Int64 = -1
        if c.provider >= 0 {
            guard let p = FieldParsing.int64(span(bounds(c.provider))) else { return .general }
            providerID = p
        }
        // The H3 cell: 15 lower-case hexadecimal digits or empty; any other text is the general parser's.
        var h3 = H3CellCode.none
        if c.h3 >= 0 {
            let cell = bounds(c.h3)
            if cell.1 > cell.0 {
                guard let v = H3CellCode.hexValue(span(cell)) else { return .general }
                h3 = H3CellCode.hex(v)
            }
        }
        guard block.1 - block.0 == 15 else { return .general }
        var blockNumber: UInt64 = 0
        for i in block.0..<block.1 {
            let d = base[i] &- 48
            guard d < 10 else { return .general }
            blockNumber = blockNumber &* 10 &+ UInt64(d)
        }
        // Provider id and brand as written (plain ASCII here: nothing to unescape or validate).
        let providerText = c.provider >= 0 ? texts.providerNumber(span(bounds(c.provider))) : 0
        let brandText = c.brand >= 0 ? texts.brandNumber(span(bounds(c.brand))) : 0
        recordLine = nextLine
        nextLine += 1
        position = p
        return .row(
            AvailabilityRow(
                locationID: location, block: blockNumber, technology: Int(technology),
                download: download, upload: upload, lowLatency: lowLatency,
                businessResidential: businessResidential, providerID: providerID,
                providerText: providerText, brandText: brandText, h3Cell: h3))
    }
}
