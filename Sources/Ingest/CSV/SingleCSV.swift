import Foundation
import GeoIO
import GeoModel

/// A small CSV input of one table (a location list, a CAI list): the file itself, a `.csv.gz`, or a
/// `.zip` holding exactly one CSV, opened with its header read.
enum SingleCSV {
    /// Opens `path`, reads the header line and calls `body` with the reader (positioned after the
    /// header), the name messages use and the header's field names.
    /// - Parameters:
    ///   - what: the table expected, for messages ("list of location ids").
    ///   - expectedHeader: what the header should hold, said when the file is empty.
    /// - Throws: `.io` when the file cannot be opened; `.badInput` for an archive of several CSVs or an
    ///   empty file; whatever `body` throws.
    static func read<T>(
        path: String, what: String, expectedHeader: String,
        _ body: (inout CSVRecordReader, _ file: String, _ names: [String]) throws -> T
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
        return try body(&reader, file, names)
    }
}
