import GeoModel

/// Validates and parses the classification columns of the current BDC row; shared by the
/// record-by-record reader and the parallel reader so both give the same values and the same errors.
enum BDCRowParser {
    /// Advances `reader` to the next row and parses it, or returns nil at the end of the input.
    /// - Throws: `LastmileError.badInput` naming the file, line (as the reader counts it) and column.
    @inline(__always)
    static func next(_ reader: inout CSVRecordReader, _ h: BDCHeader, texts: inout AvailabilityTexts) throws
        -> AvailabilityRow?
    {
        guard try reader.next(columnNames: h.names) else { return nil }
        guard reader.fieldCount == h.names.count else {
            throw LastmileError.badInput(
                SourceLocation(file: reader.displayName, line: reader.recordLine),
                "expected \(h.names.count) fields as in the header, found \(reader.fieldCount)"
                    + (reader.fieldCount > h.names.count ? " (a brand name with a comma must be quoted)" : ""))
        }
        guard let location = FieldParsing.int64(reader.bytes(h.iLocation)), location >= 0 else {
            throw bad(reader, h, h.iLocation, "expected a non-negative integer location id")
        }
        guard let tech = FieldParsing.int64(reader.bytes(h.iTechnology)), tech >= 0, tech <= Int64(Int32.max) else {
            throw bad(reader, h, h.iTechnology, "expected an integer FCC technology code")
        }
        // Text columns must be UTF-8 (FCC files are); only rows with non-ASCII bytes reach this check
        // on the parallel path, so the cost stays off the hot path.
        for i in [h.iProvider, h.iBrand] where i >= 0 {
            let text = reader.bytes(i)
            if text.contains(where: { $0 >= 0x80 }), String(validating: text, as: UTF8.self) == nil {
                throw bad(
                    reader, h, i,
                    "expected UTF-8 text (FCC files are UTF-8: was the file re-saved in another encoding?)")
            }
        }
        let download = try speed(reader, h, h.iDown)
        let upload = try speed(reader, h, h.iUp)

        let latencyBytes = reader.bytes(h.iLatency)
        let lowLatency: Bool?
        if latencyBytes.isEmpty {
            lowLatency = nil
        } else if latencyBytes.count == 1 && latencyBytes[0] == UInt8(ascii: "1") {
            lowLatency = true
        } else if latencyBytes.count == 1 && latencyBytes[0] == UInt8(ascii: "0") {
            lowLatency = false
        } else {
            throw bad(reader, h, h.iLatency, "expected low_latency 0, 1 or empty")
        }

        let codeBytes = reader.bytes(h.iCode)
        let code: BusinessResidentialCode
        switch codeBytes.count == 1 ? codeBytes[0] : 0 {
        case UInt8(ascii: "R"): code = .residential
        case UInt8(ascii: "B"): code = .business
        case UInt8(ascii: "X"): code = .both
        default: throw bad(reader, h, h.iCode, "expected business_residential_code R, B or X")
        }

        let blockBytes = reader.bytes(h.iBlock)
        guard FieldParsing.isDigits(blockBytes, count: 15) else {
            throw bad(reader, h, h.iBlock, "expected a 15-digit census block GEOID")
        }
        var block: UInt64 = 0
        for b in blockBytes { block = block &* 10 &+ UInt64(b &- 48) }
        let provider = h.iProvider >= 0 ? FieldParsing.int64(reader.bytes(h.iProvider)) ?? -1 : -1
        // Texts as the record-by-record reader gives them (doubled quotes unescaped).
        func text(_ i: Int, _ number: (inout AvailabilityTexts, UnsafeRawBufferPointer) -> Int32) -> Int32 {
            guard i >= 0 else { return 0 }
            return reader.hasDoubledQuotes(i) ? texts.number(reader.string(i)) : number(&texts, reader.bytes(i))
        }
        let providerText = text(h.iProvider) { $0.providerNumber($1) }
        let brandText = text(h.iBrand) { $0.brandNumber($1) }
        var h3 = H3CellCode.none
        if h.iH3 >= 0 {
            let cell = reader.bytes(h.iH3)
            if let v = H3CellCode.hexValue(cell) {
                h3 = H3CellCode.hex(v)
            } else if !cell.isEmpty {
                h3 = H3CellCode.text(texts.number(reader.string(h.iH3)))
            }
        }
        return AvailabilityRow(
            locationID: location, block: block, technology: Int(tech), download: download,
            upload: upload, lowLatency: lowLatency, businessResidential: code, providerID: provider,
            providerText: providerText, brandText: brandText, h3Cell: h3)
    }

    private static func bad(_ reader: CSVRecordReader, _ h: BDCHeader, _ i: Int, _ what: String) -> LastmileError {
        LastmileError.badInput(
            SourceLocation(file: reader.displayName, line: reader.recordLine, column: h.names[i]),
            what + ", found " + FieldParsing.quoted(reader.bytes(i)))
    }

    @inline(__always)
    private static func speed(_ reader: CSVRecordReader, _ h: BDCHeader, _ i: Int) throws -> Double? {
        let bytes = reader.bytes(i)
        if bytes.isEmpty { return nil }
        switch FieldParsing.decimal(bytes) {
        case .value(let mbps): return mbps
        case .negative: throw bad(reader, h, i, "expected a speed in Mbps of 0 or more")
        case .notANumber: throw bad(reader, h, i, "expected a speed in Mbps (a number such as 100 or 0.2) or empty")
        }
    }
}
