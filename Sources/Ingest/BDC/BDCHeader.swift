import GeoModel

/// The header of one BDC CSV member: its field names and where each column the classification
/// reads sits (columns are found by name: their order varies between releases).
struct BDCHeader: Sendable {
    /// The header's field names as written.
    let names: [String]
    /// Which published layout the header is (columns are found by their current or former names).
    let layout: BDCLayout
    /// Field index of each column (-1 when an optional column is absent).
    let iLocation, iTechnology, iDown, iUp, iLatency, iCode, iBlock, iProvider, iBrand, iH3: Int
    /// The field indices of the classification columns, for `CSVRecordReader.nextPlainRow`.
    struct Columns: Sendable {
        var location, technology, download, upload, lowLatency, businessResidential, block: Int
        /// -1 when the header has no provider_id, brand_name or H3 column.
        var provider, brand, h3: Int
    }
    let columns: Columns

    /// Reads the header line of a member from `reader`.
    /// - Throws: `LastmileError.badInput` (line 1) for an empty file, a duplicate column or a missing
    ///   required column.
    init(reading reader: inout CSVRecordReader) throws {
        guard try reader.next() else {
            throw LastmileError.badInput(
                SourceLocation(file: reader.displayName, line: 1),
                reader.sawAnyByte
                    ? "no header line; expected a BDC header (\(BDCColumn.allCases.map(\.name).joined(separator: ",")))"
                    : "the file is empty; expected a BDC header line (\(BDCColumn.allCases.map(\.name).joined(separator: ",")))"
            )
        }
        if let field = (0..<reader.fieldCount).first(where: {
            String(validating: reader.bytes($0), as: UTF8.self) == nil
        }) {
            throw LastmileError.badInput(
                SourceLocation(file: reader.displayName, line: 1),
                "the header is not UTF-8 text (field \(field + 1)); FCC files are UTF-8: was the file re-saved in another encoding?"
            )
        }
        let names = (0..<reader.fieldCount).map { reader.string($0) }
        self.names = names
        let normalized = names.map { KnownSchema.normalize($0) }
        // Field index of each column the header has.
        var index: [BDCColumn: Int] = [:]
        for column in BDCColumn.allCases {
            let positions = normalized.indices.filter { BDCColumn.named(normalized[$0]) == column }
            if positions.count > 1 {
                let written = positions.map { names[$0] }
                throw LastmileError.badInput(
                    SourceLocation(file: reader.displayName, line: 1, column: written[0]),
                    "the header names column '\(column.name)' \(positions.count) times (fields \(positions.map { String($0 + 1) }.joined(separator: ", "))"
                        + (Set(written).count > 1 ? ": \(written.joined(separator: ", ")))" : ")"))
            }
            index[column] = positions.first
        }
        let missing = BDCColumn.required.filter { index[$0] == nil }
        if let foreign = ForeignHeader.error(
            file: reader.displayName, fieldCount: names.count,
            sharesAColumn: !index.isEmpty, kind: "a BDC availability file",
            column: "a BDC column", expected: BDCColumn.required.map(\.name))
        {
            throw foreign
        }
        if !missing.isEmpty {
            let list = missing.map(\.name).joined(separator: ", ")
            let former = missing.flatMap(\.formerNames)
            throw LastmileError.badInput(
                SourceLocation(file: reader.displayName, line: 1, column: list),
                "the header lacks required BDC \(English.noun("column", count: missing.count)) \(list)"
                    + (former.isEmpty ? "" : " (\(former.joined(separator: ", ")) in the November 2022 layout)")
                    + "; the header has: \(names.joined(separator: ", "))")
        }
        layout = BDCLayout.of(fieldNames: names)
        func at(_ c: BDCColumn) -> Int { index[c] ?? -1 }
        iLocation = at(.locationID)
        iTechnology = at(.technology)
        iDown = at(.maxDownload)
        iUp = at(.maxUpload)
        iLatency = at(.lowLatency)
        iCode = at(.businessResidential)
        iBlock = at(.blockGEOID)
        iProvider = at(.providerID)
        iBrand = at(.brandName)
        iH3 = at(.h3Res8)
        columns = Columns(
            location: iLocation, technology: iTechnology, download: iDown, upload: iUp,
            lowLatency: iLatency, businessResidential: iCode, block: iBlock, provider: iProvider,
            brand: iBrand, h3: iH3)
    }
}
