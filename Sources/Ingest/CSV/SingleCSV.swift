import Foundation
import GeoIO
import GeoModel

/// A small CSV input of one table (a location list, a CAI list): the file itself, a `.csv.gz`, or a
/// `.zip` holding exactly one CSV, opened with its header read.
enum SingleCSV {
    /// Opens `path`, reads the header line and calls `body` with the reader (positioned after the
    /// header) and the header (its field names, and the file and table as messages name them).
    /// - Parameters:
    ///   - what: the table expected, for messages ("list of location ids").
    ///   - expectedHeader: what the header should hold, said when the file is empty.
    /// - Throws: `.io` when the file cannot be opened; `.badInput` for an archive of several CSVs or an
    ///   empty file; whatever `body` throws.
    static func read<T>(
        path: String, what: String, expectedHeader: String,
        _ body: (inout CSVRecordReader, CSVHeader) throws -> T
    ) throws -> T {
        let members = try VirtualPath.csvMembers(of: path)
        guard members.count == 1 else {
            throw LastmileError.badInput(
                SourceLocation(file: path), "the archive holds \(members.count) CSV files; expected one \(what)")
        }
        let stream = try ByteStream(vsiPath: members[0].vsiPath, displayName: members[0].displayName)
        defer { stream.close() }
        var reader = CSVRecordReader(stream: stream, chunkSize: 1 << 20)
        let file = reader.displayName
        guard try reader.next() else {
            throw LastmileError.badInput(
                SourceLocation(file: file, line: 1), "the file is empty; expected \(expectedHeader)")
        }
        let names = (0..<reader.fieldCount).map { reader.string($0) }
        return try body(&reader, CSVHeader(names: names, file: file, table: "the " + what))
    }
}

/// A small table's header line: its field names as written, found by name (case, surrounding spaces
/// and a byte-order mark ignored), and the one error for a column it lacks.
struct CSVHeader {
    /// The field names as written (messages name a column so).
    let names: [String]
    /// The file, as messages name it.
    let file: String
    /// The table, as messages name it ("the ZIP crosswalk").
    let table: String
    /// The first column of each normalized name, found once: readers look columns up row by row.
    private let positions: [String: Int]

    init(names: [String], file: String, table: String) {
        self.names = names
        self.file = file
        self.table = table
        positions = Dictionary(names.enumerated().map { (KnownSchema.normalize($1), $0) }, uniquingKeysWith: min)
    }

    /// The first column named one of `accepted`, nil when there is none.
    func index(_ accepted: String...) -> Int? { index(accepted) }

    func index(_ accepted: [String]) -> Int? {
        accepted.compactMap { positions[KnownSchema.normalize($0)] }.min()
    }

    /// The first column named one of `accepted`.
    /// - Throws: `.badInput` at line 1 naming `accepted[0]`: "<table> lacks column <name> (<layout>)".
    func require(_ accepted: String..., layout: String) throws -> Int { try require(accepted, layout: layout) }

    func require(_ accepted: [String], layout: String) throws -> Int {
        guard let i = index(accepted) else {
            throw LastmileError.badInput(
                SourceLocation(file: file, line: 1, column: accepted[0]),
                "\(table) lacks column \(accepted[0]) (\(layout))")
        }
        return i
    }
}
