import Foundation
import GeoIO
import GeoModel

/// A list of location ids in a CSV (a `location_id` column, found by header name; other columns are
/// ignored): locations where a provider demonstrated a capability, funded locations, …
public enum LocationIDList {
    /// Reads the `location_id` column of `path` (`.csv`, `.csv.gz` or a `.zip` holding one CSV).
    /// - Throws: `.io` when the file cannot be opened; `.badInput` naming the file, line and column for
    ///   a missing `location_id` column or an id that is not a non-negative integer.
    public static func read(path: String) throws -> Set<Int64> {
        Set(try labelled(path: path, labelColumns: []).keys)
    }

    /// The `location_id` column of `path` with a label per id: the first of `labelColumns` (header names,
    /// case-insensitive) the file has, e.g. the funding program of a funded-locations list ("" without).
    public static func labelled(path: String, labelColumns: [String]) throws -> [Int64: String] {
        try SingleCSV.read(
            path: path, what: "list of location ids", expectedHeader: "a header with a location_id column"
        ) { reader, header in
            guard let column = header.index("location_id") else {
                throw LastmileError.badInput(
                    SourceLocation(file: header.file, line: 1, column: "location_id"),
                    "the list lacks column location_id (its first line has \(header.names.count) comma-separated field(s), none named location_id)"
                )
            }
            let labelColumn = labelColumns.lazy.compactMap { header.index($0) }.first
            var ids: [Int64: String] = [:]
            while try reader.next(columnNames: header.names) {
                guard column < reader.fieldCount, let id = FieldParsing.int64(reader.bytes(column)), id >= 0 else {
                    let found = column < reader.fieldCount ? FieldParsing.quoted(reader.bytes(column)) : "no such field"
                    throw LastmileError.badInput(
                        SourceLocation(file: header.file, line: reader.recordLine, column: header.names[column]),
                        "expected a non-negative integer location id, found \(found)")
                }
                let label = labelColumn.map { $0 < reader.fieldCount ? reader.string($0) : "" } ?? ""
                if ids[id] == nil || ids[id] == "" { ids[id] = label }
            }
            return ids
        }
    }
}
