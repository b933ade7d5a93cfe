import Foundation
import GeoIO
import GeoModel

/// Streams FCC BDC fixed availability rows out of a `.csv`, `.csv.gz` or `.zip` (one or more CSV
/// members), one `AvailabilityRecord` at a time, in constant memory.
///
/// Parses raw bytes: numeric columns never become `String`s; only `provider_id`, `brand_name` and
/// `block_geoid` are turned into text (and a provider's id and brand are reused while consecutive
/// rows repeat them, as they do in FCC files, which are written one filing after another).
public enum BDCReader {
    /// Bytes read from the stream at a time: 4 MiB keeps the per-read cost of `VSIFReadL` (and the
    /// gzip/zip inflation behind it) negligible while memory stays small (chosen for this reader).
    public static let defaultChunkSize = 4 << 20

    /// Reads every row of every CSV member of `path` and hands each to `body`.
    ///
    /// - Parameters:
    ///   - path: a `.csv`, `.csv.gz` or `.zip` file (see `VirtualPath.csvMembers(of:)`).
    ///   - chunkSize: bytes read from the stream at a time.
    ///   - body: called once per data row, in file order; an error it throws stops the read and is rethrown.
    /// - Returns: rows, members and bytes read, and how many rows carry an unknown technology code.
    /// - Throws: `LastmileError.io` when the file cannot be opened; `LastmileError.badInput` naming the
    ///   member, line (header = line 1) and column for an empty file, a header without a required
    ///   column, a line with the wrong number of fields, an unterminated quote, or a bad value.
    @discardableResult
    public static func read(path: String, chunkSize: Int = BDCReader.defaultChunkSize,
                            _ body: (AvailabilityRecord) throws -> Void) throws -> BDCReadSummary {
        var summary = BDCReadSummary()
        var unknownCodes = Set<Int>()
        for member in try VirtualPath.csvMembers(of: path) {
            let stream = try ByteStream(vsiPath: member.vsiPath, displayName: member.displayName)
            defer { stream.close() }
            var memberReader = try MemberReader(reader: CSVRecordReader(stream: stream, chunkSize: chunkSize))
            while let record = try memberReader.next() {
                if !isKnown(record.technology) {
                    summary.unknownTechnologyRows += 1
                    unknownCodes.insert(record.technology.code)
                }
                summary.rows += 1
                try body(record)
            }
            summary.members.append(member.displayName)
            summary.bytes += memberReader.reader.bytesRead
        }
        summary.unknownTechnologyCodes = unknownCodes.sorted()
        return summary
    }

    /// Whether the BDC specification defines `technology` (the codes of `Technology.known`).
    @inline(__always)
    static func isKnown(_ technology: Technology) -> Bool {
        switch technology.code {
        case 0, 10, 40, 50, 60, 61, 70, 71, 72: true
        default: false
        }
    }

    /// Reads one CSV member: its header, then its rows.
    struct MemberReader {
        private(set) var reader: CSVRecordReader
        let headerNames: [String]
        private let iLocation, iTechnology, iDown, iUp, iLatency, iCode, iBlock, iProvider, iBrand: Int
        private var provider = ReusedText()
        private var brand = ReusedText()

        init(reader: CSVRecordReader) throws {
            var reader = reader
            guard try reader.next() else {
                throw LastmileError.badInput(
                    SourceLocation(file: reader.displayName, line: 1),
                    reader.sawAnyByte
                        ? "no header line; expected a BDC header (\(BDCColumn.allCases.map(\.name).joined(separator: ",")))"
                        : "the file is empty; expected a BDC header line (\(BDCColumn.allCases.map(\.name).joined(separator: ",")))")
            }
            if let field = (0..<reader.fieldCount).first(where: { String(validating: reader.bytes($0), as: UTF8.self) == nil }) {
                throw LastmileError.badInput(SourceLocation(file: reader.displayName, line: 1),
                                             "the header is not UTF-8 text (field \(field + 1)); FCC files are UTF-8: was the file re-saved in another encoding?")
            }
            let names = (0..<reader.fieldCount).map { reader.string($0) }
            headerNames = names
            let normalized = names.map { KnownSchema.normalize($0) }
            // Field index of each column the header has.
            var index: [BDCColumn: Int] = [:]
            for column in BDCColumn.allCases {
                let positions = normalized.indices.filter { normalized[$0] == column.name }
                if positions.count > 1 {
                    throw LastmileError.badInput(
                        SourceLocation(file: reader.displayName, line: 1, column: column.name),
                        "the header names column '\(column.name)' \(positions.count) times (fields \(positions.map { String($0 + 1) }.joined(separator: ", ")))")
                }
                index[column] = positions.first
            }
            let missing = BDCColumn.required.filter { index[$0] == nil }
            if !missing.isEmpty {
                let list = missing.map(\.name).joined(separator: ", ")
                throw LastmileError.badInput(
                    SourceLocation(file: reader.displayName, line: 1, column: list),
                    "the header lacks required BDC column\(missing.count == 1 ? "" : "s") \(list); the header has: \(names.joined(separator: ", "))")
            }
            self.reader = reader
            func at(_ c: BDCColumn) -> Int { index[c] ?? -1 }
            iLocation = at(.locationID); iTechnology = at(.technology); iDown = at(.maxDownload)
            iUp = at(.maxUpload); iLatency = at(.lowLatency); iCode = at(.businessResidential)
            iBlock = at(.blockGEOID); iProvider = at(.providerID); iBrand = at(.brandName)
        }

        /// The next row, or nil at the end of the member.
        mutating func next() throws -> AvailabilityRecord? {
            let names = headerNames
            guard try reader.next(columnName: { $0 < names.count ? names[$0] : nil }) else { return nil }
            let line = reader.recordLine
            let file = reader.displayName
            guard reader.fieldCount == headerNames.count else {
                throw LastmileError.badInput(
                    SourceLocation(file: file, line: line),
                    "expected \(headerNames.count) fields as in the header, found \(reader.fieldCount)"
                        + (reader.fieldCount > headerNames.count ? " (a brand name with a comma must be quoted)" : ""))
            }
            func bad(_ i: Int, _ what: String) -> LastmileError {
                LastmileError.badInput(SourceLocation(file: file, line: line, column: headerNames[i]),
                                       what + ", found " + FieldParsing.quoted(reader.bytes(i)))
            }

            guard let location = FieldParsing.int64(reader.bytes(iLocation)), location >= 0 else {
                throw bad(iLocation, "expected a non-negative integer location id")
            }
            guard let tech = FieldParsing.int64(reader.bytes(iTechnology)), tech >= 0, tech <= Int64(Int32.max) else {
                throw bad(iTechnology, "expected an integer FCC technology code")
            }
            let download = try speed(iDown, bad)
            let upload = try speed(iUp, bad)

            let latencyBytes = reader.bytes(iLatency)
            let lowLatency: Bool?
            if latencyBytes.isEmpty {
                lowLatency = nil
            } else if latencyBytes.count == 1 && latencyBytes[0] == UInt8(ascii: "1") {
                lowLatency = true
            } else if latencyBytes.count == 1 && latencyBytes[0] == UInt8(ascii: "0") {
                lowLatency = false
            } else {
                throw bad(iLatency, "expected low_latency 0, 1 or empty")
            }

            let codeBytes = reader.bytes(iCode)
            let code: BusinessResidentialCode
            switch codeBytes.count == 1 ? codeBytes[0] : 0 {
            case UInt8(ascii: "R"): code = .residential
            case UInt8(ascii: "B"): code = .business
            case UInt8(ascii: "X"): code = .both
            default: throw bad(iCode, "expected business_residential_code R, B or X")
            }

            let blockBytes = reader.bytes(iBlock)
            guard FieldParsing.isDigits(blockBytes, count: 15) else {
                throw bad(iBlock, "expected a 15-digit census block GEOID")
            }
            // 15 ASCII bytes fit in a small String: no allocation.
            let block = String(decoding: blockBytes, as: UTF8.self)
            // Text columns are checked for UTF-8 only when they change (ReusedText), so the check is cheap.
            func utf8(_ i: Int) throws -> String {
                guard String(validating: reader.bytes(i), as: UTF8.self) != nil else {
                    throw bad(i, "expected UTF-8 text (FCC files are UTF-8: was the file re-saved in another encoding?)")
                }
                return reader.string(i)
            }
            let providerID = iProvider >= 0
                ? try provider.text(reader.bytes(iProvider), reader.hasDoubledQuotes(iProvider)) { try utf8(iProvider) } : ""
            let brandName = iBrand >= 0
                ? try brand.text(reader.bytes(iBrand), reader.hasDoubledQuotes(iBrand)) { try utf8(iBrand) } : ""

            return AvailabilityRecord(locationID: location, providerID: providerID, brandName: brandName,
                                      technology: Technology(code: Int(tech)), download: download, upload: upload,
                                      lowLatency: lowLatency, businessResidential: code, blockGEOID: block)
        }

        @inline(__always)
        private func speed(_ i: Int, _ bad: (Int, String) -> LastmileError) throws -> Bandwidth? {
            let bytes = reader.bytes(i)
            if bytes.isEmpty { return nil }
            switch FieldParsing.decimal(bytes) {
            case .value(let mbps): return Bandwidth(mbps: mbps)
            case .negative: throw bad(i, "expected a speed in Mbps of 0 or more")
            case .notANumber: throw bad(i, "expected a speed in Mbps (a number such as 100 or 0.2) or empty")
            }
        }
    }

    /// The text of a column whose value usually repeats from one row to the next: the `String`
    /// is made once and reused while the bytes stay the same.
    struct ReusedText {
        private var lastBytes: [UInt8] = []
        private var lastText = ""
        private var valid = false

        mutating func text(_ bytes: UnsafeRawBufferPointer, _ hasDoubledQuotes: Bool, _ make: () throws -> String) rethrows -> String {
            if valid && bytes.count == lastBytes.count && !hasDoubledQuotes
                && (bytes.isEmpty || lastBytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })) {
                return lastText
            }
            lastText = try make()
            lastBytes = Array(bytes)
            valid = !hasDoubledQuotes
            return lastText
        }
    }
}
