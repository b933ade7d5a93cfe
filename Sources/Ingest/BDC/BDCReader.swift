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
    /// Rows the parallel reader hands an accumulator at a time: 16,384 (about 1 MiB of rows) lets an
    /// accumulator that sorts a batch into 16 partitions take each lock for about 1,000 rows (chosen
    /// for `SharedLocationTable`); accumulators size their scratch space by it.
    public static let rowsPerBatch = 16_384

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
    public static func read(
        path: String, chunkSize: Int = BDCReader.defaultChunkSize,
        _ body: (AvailabilityRecord) throws -> Void
    ) throws -> BDCReadSummary {
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
                } else {
                    summary.rowsByTechnology[record.technology.code, default: 0] += 1
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
        let header: BDCHeader
        private var provider = ReusedText()
        private var brand = ReusedText()
        private var h3 = ReusedText()
        /// Texts the row parser numbers (not used here: the record carries its texts itself).
        private var texts = AvailabilityTexts()

        init(reader: CSVRecordReader) throws {
            var reader = reader
            header = try BDCHeader(reading: &reader)
            self.reader = reader
        }

        /// The next row, or nil at the end of the member.
        mutating func next() throws -> AvailabilityRecord? {
            guard let f = try BDCRowParser.next(&reader, header, texts: &texts) else { return nil }
            let h = header
            // 15 ASCII bytes fit in a small String: no allocation.
            let block = String(decoding: reader.bytes(h.iBlock), as: UTF8.self)
            let providerID =
                h.iProvider >= 0
                ? provider.text(reader.bytes(h.iProvider), reader.hasDoubledQuotes(h.iProvider)) {
                    reader.string(h.iProvider)
                } : ""
            let brandName =
                h.iBrand >= 0
                ? brand.text(reader.bytes(h.iBrand), reader.hasDoubledQuotes(h.iBrand)) { reader.string(h.iBrand) } : ""
            let h3Cell =
                h.iH3 >= 0
                ? h3.text(reader.bytes(h.iH3), reader.hasDoubledQuotes(h.iH3)) { reader.string(h.iH3) } : ""
            return AvailabilityRecord(
                locationID: f.locationID, providerID: providerID, brandName: brandName,
                technology: Technology(code: f.technology), download: f.download.map(Bandwidth.init(mbps:)),
                upload: f.upload.map(Bandwidth.init(mbps:)), lowLatency: f.lowLatency,
                businessResidential: f.businessResidential, blockGEOID: block, h3Cell: h3Cell)
        }
    }

    /// The text of a column whose value usually repeats from one row to the next: the `String`
    /// is made once and reused while the bytes stay the same.
    struct ReusedText {
        private var lastBytes: [UInt8] = []
        private var lastText = ""
        private var valid = false

        mutating func text(_ bytes: UnsafeRawBufferPointer, _ hasDoubledQuotes: Bool, _ make: () -> String) -> String {
            if valid && bytes.count == lastBytes.count && !hasDoubledQuotes
                && (bytes.isEmpty
                    || lastBytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }))
            {
                return lastText
            }
            lastText = make()
            lastBytes = Array(bytes)
            valid = !hasDoubledQuotes
            return lastText
        }
    }
}
