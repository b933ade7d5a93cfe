import Foundation
import GeoModel

/// A CSV table of values keyed by area id, for joining to a map layer (`lastmile map --join`).
///
/// Keys and values are matched as text after trimming spaces; a numeric key shorter than the layer's
/// ids is zero-padded to their width (Microsoft's broadband file writes `COUNTY ID` 1001 for FIPS
/// 01001). Empty values and placeholders (`-`, `NA`, `N/A`, `null`) mean "no data".
public struct JoinTable: Sendable {
    /// Key (trimmed, as in the file) → value (nil for no data).
    public let values: [String: Double?]
    /// The file's data rows.
    public let rowCount: Int

    /// Placeholders that mean "no value" (compared after trimming spaces, case-insensitive); the
    /// Microsoft county file writes " -   " for counties without FCC availability.
    public static let noDataMarkers: Set<String> = ["", "-", "na", "n/a", "null", "nan"]

    /// Reads `path`: a header row, then one row per key.
    /// - Throws: `.io` when the file cannot be read; `.badInput` naming the file (and line) for a
    ///   missing key or value column, a duplicate key, or a value that is not a number.
    public init(path: String, keyColumn: String, valueColumn: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LastmileError.io(path: path, "cannot read the join table: \(LastmileError.reason(error))")
        }
        var rows = JoinTable.records(String(decoding: data, as: UTF8.self))
        guard !rows.isEmpty else {
            throw LastmileError.badInput(
                SourceLocation(file: path, line: 1), "the join table is empty (expected a header row)")
        }
        let header = rows.removeFirst().fields.map { $0.trimmedOfWhitespace }
        func column(_ name: String) throws -> Int {
            if let i = header.firstIndex(of: name) { return i }
            let folded = header.indices.filter { header[$0].lowercased() == name.lowercased() }
            if folded.count == 1 { return folded[0] }
            throw LastmileError.badInput(
                SourceLocation(file: path, line: 1, column: name),
                "no column '\(name)'; the columns are: " + header.joined(separator: ", "))
        }
        let keyIndex = try column(keyColumn)
        let valueIndex = try column(valueColumn)
        var values: [String: Double?] = [:]
        var firstLine: [String: Int] = [:]
        for row in rows {
            let key =
                row.fields.indices.contains(keyIndex) ? row.fields[keyIndex].trimmedOfWhitespace : ""
            if key.isEmpty {
                throw LastmileError.badInput(
                    SourceLocation(file: path, line: row.line, column: header[keyIndex]), "the key is empty")
            }
            if let earlier = firstLine[key] {
                throw LastmileError.badInput(
                    SourceLocation(file: path, line: row.line, column: header[keyIndex]),
                    "duplicate key '\(key)' (first on line \(earlier))")
            }
            firstLine[key] = row.line
            let raw =
                row.fields.indices.contains(valueIndex)
                ? row.fields[valueIndex].trimmedOfWhitespace : ""
            if JoinTable.noDataMarkers.contains(raw.lowercased()) {
                values[key] = .some(nil)
            } else if let v = Double(raw), v.isFinite {
                values[key] = v
            } else {
                throw LastmileError.badInput(
                    SourceLocation(file: path, line: row.line, column: header[valueIndex]),
                    "expected a number (or '-' for no data), found '\(raw)'")
            }
        }
        self.values = values
        rowCount = rows.count
    }

    /// The table re-keyed to the layer's ids: numeric keys shorter than `idWidth` get leading zeros.
    func padded(to idWidth: Int?) -> [String: Double?] {
        guard let idWidth else { return values }
        var out: [String: Double?] = [:]
        for (key, value) in values {
            var k = key
            if k.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), k.count < idWidth {
                k = String(repeating: "0", count: idWidth - k.count) + k
            }
            if out[k] == nil { out[k] = value }
        }
        return out
    }

    /// RFC 4180 records with their starting line: quoted fields (commas, doubled quotes, line breaks),
    /// LF or CRLF line ends, a UTF-8 byte-order mark; blank lines skipped. Read byte by byte (the
    /// delimiters are ASCII, so no UTF-8 sequence is split): a 4,000-row table in about a millisecond.
    static func records(_ text: String) -> [(line: Int, fields: [String])] {
        var text = text
        return text.withUTF8 { records(bytes: $0) }
    }

    private static func records(bytes: UnsafeBufferPointer<UInt8>) -> [(line: Int, fields: [String])] {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        var out: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var any = false
        func endRecord() {
            if any || !field.isEmpty || !fields.isEmpty {
                fields.append(String(decoding: field, as: UTF8.self))
                out.append((recordLine, fields))
            }
            fields = []
            field.removeAll(keepingCapacity: true)
            any = false
        }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if inQuotes {
                if c == quote {
                    if i < bytes.count, bytes[i] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == lf { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case quote:
                inQuotes = true
                any = true
            case comma:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                any = true
            case cr: break
            case lf:
                endRecord()
                line += 1
                recordLine = line
            default: field.append(c)
            }
        }
        endRecord()
        return out
    }
}

extension String {
    /// The string without leading and trailing `CharacterSet.whitespaces` (tab and the Unicode space
    /// separators); itself when it starts and ends with an ASCII byte other than a space or tab, without
    /// Foundation's NSString bridging (most keys and values of a join table).
    var trimmedOfWhitespace: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func plain(_ b: UInt8) -> Bool { b < 0x80 && b != 0x20 && b != 0x09 }
        return plain(first) && plain(last) ? self : trimmingCharacters(in: .whitespaces)
    }
}
