import Foundation
import GeoIO
import GeoModel

/// An ACS 5-year table read into one `DemographicProfile` per census area.
///
/// Reads the data.census.gov CSV download (byte-order mark, a second header row of labels,
/// `GEO_ID` such as `1400000US23023010100`, placeholders, sentinels, margin-of-error columns,
/// duplicate rows, a trailing empty column), plain CSV extracts keyed by `GEOID`, and Census API
/// JSON (an array of arrays whose first row is the header; the GEOID is assembled from the
/// `state`, `county`, `tract` and `block group` columns when no `GEO_ID`/`ucgid` column is present).
public struct ACSTable: Sendable {
    /// The file layouts `read(path:)` understands.
    public enum Layout: String, Sendable {
        /// Comma-separated values (data.census.gov download or an extract with the same codes).
        case csv
        /// Census Data API response: JSON array of arrays.
        case censusAPIJSON
    }

    /// The layout the file was read as.
    public var layout: Layout
    /// Display name of the file (or archive member) read.
    public var source: String
    /// One profile per GEOID.
    public var profiles: [AreaID: DemographicProfile]
    /// The distinct GEOIDs in the order they first appear in the file.
    public var geoids: [AreaID]
    /// The variables Lastmile reads that the table has, in `ACSVariable.allCases` order.
    public var variablesPresent: [ACSVariable]
    /// Data rows read, duplicates included (header and label rows excluded).
    public var dataRows: Int
    /// Rows repeating an earlier row's GEOID with identical content (kept once).
    public var duplicateRows: Int
    /// Whether a data.census.gov label row (line 2) was recognised and skipped.
    public var labelRowSkipped: Bool
    /// Cells of estimate and margin-of-error columns (`…E`/`…M`) in data rows holding a placeholder
    /// (`-`, `**`, `***`, `*****`, `(X)`, `N`, `null`, JSON null); empty cells are not counted.
    public var placeholderCells: Int
    /// Cells of estimate and margin-of-error columns holding a Census sentinel (-666666666 etc.).
    public var sentinelCells: Int
    /// Cells holding a top- or bottom-coded value (`250,000+`, `2,500-`), read as the number shown.
    public var topCodedCells: Int

    /// The profile of `geoid`, if the table has that area.
    public subscript(geoid: String) -> DemographicProfile? { profiles[AreaID(geoid)] }

    /// Reads an ACS table from a `.csv` (also `.csv.gz`, or a `.zip` holding one `…-Data.csv`) or a
    /// Census API `.json` file. The layout is detected from the first byte (`[` means JSON).
    ///
    /// - Throws: `LastmileError.io` when the file cannot be opened; `LastmileError.badInput` naming
    ///   the file, line (header = line 1; for JSON, row 1 = header) and column for an empty file, no
    ///   geography column, a malformed `GEO_ID`, a value that is not a number or a known placeholder,
    ///   a label row that does not describe the expected variable, or a duplicate GEOID with
    ///   different values.
    public static func read(path: String) throws -> ACSTable {
        let member = try dataMember(of: path)
        if try startsLikeJSON(member) {
            let bytes = try readAll(member)
            return try readJSON(bytes: bytes, source: member.displayName)
        }
        let stream = try ByteStream(vsiPath: member.vsiPath, displayName: member.displayName)
        defer { stream.close() }
        return try readCSV(CSVRecordReader(stream: stream, chunkSize: 1 << 20))
    }

    // MARK: - Sources

    /// A readable file or archive member: the path GDAL opens and the name messages show.
    struct Member {
        var vsiPath: String
        var displayName: String
    }

    /// The one member of `path` to read: the file itself, or in a data.census.gov zip the `…-Data.csv`.
    static func dataMember(of path: String) throws -> Member {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") || lower.hasSuffix(".json.gz") {
            guard FileManager.default.fileExists(atPath: path) else {
                throw LastmileError.io(path: path, "no such file")
            }
            return Member(vsiPath: lower.hasSuffix(".gz") ? "/vsigzip/" + path : path, displayName: path)
        }
        let members = try VirtualPath.csvMembers(of: path)
        if members.count == 1 { return Member(vsiPath: members[0].vsiPath, displayName: members[0].displayName) }
        // data.census.gov zips hold the data with column-metadata CSVs beside it.
        let data = members.filter { $0.displayName.lowercased().hasSuffix("-data.csv") }
        if data.count == 1 { return Member(vsiPath: data[0].vsiPath, displayName: data[0].displayName) }
        throw LastmileError.badInput(
            SourceLocation(file: path),
            "the archive holds \(members.count) CSV files (\(members.map(\.displayName).joined(separator: ", "))); expected one ACS data table"
        )
    }

    private static func startsLikeJSON(_ member: Member) throws -> Bool {
        let stream = try ByteStream(vsiPath: member.vsiPath, displayName: member.displayName)
        defer { stream.close() }
        var head = [UInt8](repeating: 0, count: 256)
        let n = try head.withUnsafeMutableBytes { try stream.read(into: $0) }
        var i = 0
        if n >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < n, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        return i < n && head[i] == UInt8(ascii: "[")
    }

    private static func readAll(_ member: Member) throws -> [UInt8] {
        let stream = try ByteStream(vsiPath: member.vsiPath, displayName: member.displayName)
        defer { stream.close() }
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
            if n == 0 { break }
            all.append(contentsOf: chunk[0..<n])
        }
        return all
    }

    static func readCSV(_ reader: CSVRecordReader) throws -> ACSTable {
        var reader = reader
        guard try reader.next() else {
            throw LastmileError.badInput(
                SourceLocation(file: reader.displayName, line: 1),
                "the file is empty; expected a header line of ACS variable codes (GEO_ID,NAME,B01003_001E,…)")
        }
        var builder = try ACSTableBuilder(
            header: (0..<reader.fieldCount).map { reader.string($0) },
            source: reader.displayName, layout: .csv)
        while try reader.next() {
            try builder.add(row: (0..<reader.fieldCount).map { reader.string($0) }, line: reader.recordLine)
        }
        return builder.table
    }

    /// Parses a Census Data API response.
    static func readJSON(bytes: [UInt8], source: String) throws -> ACSTable {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw LastmileError.badInput(
                SourceLocation(file: source),
                "not valid JSON (\(error.localizedDescription)); expected a Census API response: an array of arrays")
        }
        guard let rows = parsed as? [Any], let first = rows.first as? [Any] else {
            throw LastmileError.badInput(
                SourceLocation(file: source, line: 1),
                "expected a Census API response: an array of arrays whose first row is the header")
        }
        func cells(_ row: [Any]) -> [String] {
            row.map { v in
                if v is NSNull { return "null" }
                if let s = v as? String { return s }
                if let n = v as? NSNumber { return n.stringValue }
                return "\(v)"
            }
        }
        var builder = try ACSTableBuilder(header: cells(first), source: source, layout: .censusAPIJSON)
        for (i, row) in rows.enumerated().dropFirst() {
            guard let row = row as? [Any] else {
                throw LastmileError.badInput(SourceLocation(file: source, line: i + 1), "expected an array of values")
            }
            try builder.add(row: cells(row), line: i + 1)
        }
        return builder.table
    }
}
