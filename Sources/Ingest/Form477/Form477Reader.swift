import GeoIO
import GeoModel

/// One row of an FCC Form 477 fixed broadband deployment file: one provider's technology in one
/// census block (the legacy format, June 2014 – June 2021 vintages).
public struct Form477Record: Hashable, Sendable {
    /// The 15-digit 2010 census block code (`BlockCode`).
    public var blockCode: String
    /// `Provider_Id` (empty when the file has no such column).
    public var providerID: String
    /// `TechCode`: 10–12, 20, 30 copper; 40–43 cable; 50 fiber; 60 satellite; 70 fixed wireless; 90 power line; 0 other.
    public var technology: Int
    /// `Consumer`: whether the service is offered to residential (mass-market) customers.
    public var consumer: Bool
    /// `MaxAdDown` / `MaxAdUp`: maximum advertised consumer speeds in Mbps (0 when not offered).
    public var download: Double
    public var upload: Double

    public init(
        blockCode: String, providerID: String = "", technology: Int, consumer: Bool, download: Double, upload: Double
    ) {
        self.blockCode = blockCode; self.providerID = providerID; self.technology = technology; self.consumer = consumer
        self.download = download; self.upload = upload
    }
}

/// Streams FCC Form 477 fixed deployment rows out of a `.csv`, `.csv.gz` or `.zip`.
///
/// Columns are found by name, case-insensitively (FCC, "Fixed Broadband Deployment Data" downloads:
/// `LogRecNo, Provider_Id, FRN, ProviderName, DBAName, HoldingCompanyName, HocoNum, HocoFinal,
/// StateAbbr, BlockCode, TechCode, Consumer, MaxAdDown, MaxAdUp, Business`; older vintages add
/// `MaxCIRDown, MaxCIRUp`).
public enum Form477Reader {
    /// Columns a file must have.
    public static let requiredColumns = ["blockcode", "techcode", "consumer", "maxaddown", "maxadup"]

    /// Reads every row of every CSV member of `path` and hands each to `body`; returns the row count.
    /// - Throws: `LastmileError.io` when the file cannot be opened; `.badInput` naming the member, line
    ///   (header = 1) and column for a missing column, a wrong field count or a bad value.
    @discardableResult
    public static func read(path: String, _ body: (Form477Record) throws -> Void) throws -> Int {
        var rows = 0
        for member in try VirtualPath.csvMembers(of: path) {
            let stream = try ByteStream(vsiPath: member.vsiPath, displayName: member.displayName)
            defer { stream.close() }
            var reader = CSVRecordReader(stream: stream)
            guard try reader.next() else {
                throw LastmileError.badInput(
                    SourceLocation(file: member.displayName, line: 1),
                    "the file is empty; expected a Form 477 header line with \(requiredColumns.joined(separator: ", "))"
                )
            }
            let names = (0..<reader.fieldCount).map { reader.string($0) }
            let normalized = names.map { KnownSchema.normalize($0) }
            let missing = requiredColumns.filter { !normalized.contains($0) }
            if let foreign = ForeignHeader.error(
                file: member.displayName, fieldCount: names.count,
                sharesAColumn: missing.count < requiredColumns.count, kind: "a Form 477 deployment file",
                column: "a Form 477 column", expected: requiredColumns)
            {
                throw foreign
            }
            guard missing.isEmpty else {
                throw LastmileError.badInput(
                    SourceLocation(file: member.displayName, line: 1, column: missing.joined(separator: ", ")),
                    "the header lacks Form 477 \(English.noun("column", count: missing.count)) \(missing.joined(separator: ", ")); the header has: \(names.joined(separator: ", "))"
                )
            }
            func index(_ name: String) -> Int { normalized.firstIndex(of: name) ?? -1 }
            let iBlock = index("blockcode")
            let iTech = index("techcode")
            let iConsumer = index("consumer")
            let iDown = index("maxaddown")
            let iUp = index("maxadup")
            let iProvider = index("provider_id")
            while try reader.next(columnNames: names) {
                let line = reader.recordLine
                guard reader.fieldCount == names.count else {
                    throw LastmileError.badInput(
                        SourceLocation(file: member.displayName, line: line),
                        "expected \(names.count) fields as in the header, found \(reader.fieldCount)")
                }
                func bad(_ i: Int, _ what: String) -> LastmileError {
                    LastmileError.badInput(
                        SourceLocation(file: member.displayName, line: line, column: names[i]),
                        what + ", found " + FieldParsing.quoted(reader.bytes(i)))
                }
                let block = reader.bytes(iBlock)
                guard FieldParsing.isDigits(block, count: 15) else {
                    throw bad(iBlock, "expected a 15-digit census block code")
                }
                guard let tech = FieldParsing.int64(reader.bytes(iTech)), tech >= 0, tech < 1000 else {
                    throw bad(iTech, "expected an integer FCC technology code")
                }
                let consumerBytes = reader.bytes(iConsumer)
                guard consumerBytes.count == 1,
                    consumerBytes[0] == UInt8(ascii: "0") || consumerBytes[0] == UInt8(ascii: "1")
                else {
                    throw bad(iConsumer, "expected Consumer 0 or 1")
                }
                func speed(_ i: Int) throws -> Double {
                    guard case .value(let v) = FieldParsing.decimal(reader.bytes(i)) else {
                        throw bad(i, "expected a speed in Mbps of 0 or more")
                    }
                    return v
                }
                let record = Form477Record(
                    blockCode: String(decoding: block, as: UTF8.self),
                    providerID: iProvider >= 0 ? reader.string(iProvider) : "",
                    technology: Int(tech), consumer: consumerBytes[0] == UInt8(ascii: "1"),
                    download: try speed(iDown), upload: try speed(iUp))
                rows += 1
                try body(record)
            }
        }
        return rows
    }
}
