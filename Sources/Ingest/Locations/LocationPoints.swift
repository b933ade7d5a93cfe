import Dispatch
import Foundation
import GeoIO
import GeoModel
import Synchronization

/// The positions of a locations file, one entry per data row in file order, in columns: what a
/// point-in-polygon join needs (`AreaLocator.areas(containing:)`), read on several cores.
///
/// The file is a Fabric-style CSV (`location_id`, `latitude`, `longitude`, optionally `block_geoid`;
/// other columns are skipped), plain, `.csv.gz` or a `.zip` holding one CSV. Unlike `LocationsFile`,
/// rows are not keyed by location: every row is kept, `bsl_flag` is not read, and no `String` is built
/// per row. The whole file is read into memory, then cut at line ends into one run of rows per thread
/// (when the file holds no `"`, so no field can hold a line break; otherwise it is parsed on one thread).
public struct LocationPoints: Sendable {
    /// Location id per row.
    public var ids: [Int64]
    /// Position per row (x = longitude, y = latitude, degrees as written); NaN when a coordinate is empty.
    public var positions: [Point]
    /// The 15-digit census block GEOID per row as an integer (its first 12 digits are the block group:
    /// `block / 1000`); empty when the file has no block column.
    public var blocks: [UInt64]

    public var count: Int { ids.count }

    /// Reads `path` on `threads` cores.
    /// - Throws: `.io` when it cannot be opened or read; `.badInput` naming the file, line and column for a
    ///   missing column, a row whose field count differs from the header's, a location id that is not a
    ///   non-negative integer, a latitude or longitude that is not a number in range, or a block GEOID
    ///   that is not 15 digits. With several threads the error reported is the first in file order.
    public static func read(path: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws
        -> LocationPoints
    {
        let members = try VirtualPath.csvMembers(of: path)
        guard members.count == 1 else {
            throw LastmileError.badInput(
                SourceLocation(file: path), "the archive holds \(members.count) CSV files; expected one locations file")
        }
        let stream = try ByteStream(vsiPath: members[0].vsiPath, displayName: members[0].displayName)
        defer { stream.close() }
        let sizeHint = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        let contents = try readAll(stream, sizeHint: sizeHint ?? 0)
        return try withExtendedLifetime(contents.bytes) {
            try parse(
                UnsafeRawBufferPointer(rebasing: contents.bytes.bytes[..<contents.count]), file: stream.displayName,
                threads: threads)
        }
    }

    /// The whole stream in one buffer (`bytes[0 ..< count]`), never zeroed first.
    static func readAll(_ stream: ByteStream, sizeHint: Int) throws -> (bytes: CSVRecordReader.Buffer, count: Int) {
        var buffer = CSVRecordReader.Buffer(capacity: max(sizeHint + 1, 1 << 20))
        var count = 0
        while true {
            if count == buffer.bytes.count {
                let bigger = CSVRecordReader.Buffer(capacity: 2 * count)
                bigger.bytes.copyMemory(from: UnsafeRawBufferPointer(buffer.bytes))
                buffer = bigger
            }
            let n = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.bytes[count...]))
            if n == 0 { return (buffer, count) }
            count += n
        }
    }

    /// The columns a row is read from.
    struct Columns: Sendable {
        var names: [String]
        var location: Int
        var latitude: Int
        var longitude: Int
        var block: Int?
    }

    /// What one run of rows gave: its row count, or the first error in it.
    struct Run: Sendable {
        var rows = 0
        var failure: LastmileError?
    }

    /// Where a run writes its rows: from `first` on in each column (disjoint between runs).
    struct Target: @unchecked Sendable {
        var ids: UnsafeMutablePointer<Int64>
        var positions: UnsafeMutablePointer<Point>
        /// nil when the file has no block column.
        var blocks: UnsafeMutablePointer<UInt64>?
    }

    static func parse(_ input: UnsafeRawBufferPointer, file: String, threads: Int) throws -> LocationPoints {
        var body = input
        // UTF-8 byte-order mark EF BB BF.
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            body = UnsafeRawBufferPointer(rebasing: body[3...])
        }
        var headerReader = CSVRecordReader(chunk: body, displayName: file)
        guard try headerReader.next() else {
            throw LastmileError.badInput(
                SourceLocation(file: file, line: 1),
                "the file is empty; expected a locations header (location_id,latitude,longitude,…)")
        }
        let header = CSVHeader(
            names: (0..<headerReader.fieldCount).map { headerReader.string($0) }, file: file,
            table: "the locations file")
        let layout = "Fabric layout: location_id, …, block_geoid, latitude, longitude"
        let columns = Columns(
            names: header.names,
            location: try header.require(LocationsFile.locationNames, layout: layout),
            latitude: try header.require(LocationsFile.latitudeNames, layout: layout),
            longitude: try header.require(LocationsFile.longitudeNames, layout: layout),
            block: header.index(LocationsFile.blockNames))
        let (data, _, firstLine) = headerReader.unparsed
        let dataOffset = data.baseAddress.map { $0 - body.baseAddress! } ?? body.count

        // Cut points at line ends, one run per thread, when no field can hold a line break.
        let hasQuotes = data.count > 0 && memchr(data.baseAddress!, Int32(UInt8(ascii: "\"")), data.count) != nil
        let runs = hasQuotes ? 1 : max(1, min(threads, data.count / (1 << 16)))
        var cuts = [0]
        for k in 1..<runs {
            var c = max(cuts[k - 1], data.count * k / runs)
            while c < data.count && data[c] != UInt8(ascii: "\n") { c += 1 }
            cuts.append(min(data.count, c + 1))
        }
        cuts.append(data.count)
        let runStarts = cuts

        // At most one row per line: each run's rows start after the lines of the runs before it.
        var capacities = [Int](repeating: 0, count: runs)
        let shared = SharedBytes(bytes: body, dataOffset: dataOffset)
        let counted = Mutex(capacities)
        DispatchQueue.concurrentPerform(iterations: runs) { k in
            let run = UnsafeRawBufferPointer(
                rebasing: shared.bytes[shared.dataOffset + runStarts[k]..<shared.dataOffset + runStarts[k + 1]])
            // A row ends at a line feed, a carriage return or the end: lone-CR files have no line feed.
            let cr = memchr(run.baseAddress!, 13, run.count) != nil
            let lines = lineBreaks(in: run) + (cr ? lineBreaks(in: run, byte: 13) : 0) + 1
            counted.withLock { $0[k] = lines }
        }
        capacities = counted.withLock { $0 }
        let firstRows = capacities.reduce(into: [0]) { $0.append($0.last! + $1) }
        let capacity = firstRows.last!

        // The runs write straight into the columns' storage, then close the gaps between them.
        let hasBlocks = columns.block != nil
        var failure: LastmileError?
        var out = LocationPoints(ids: [], positions: [], blocks: [])
        out.ids = [Int64](unsafeUninitializedCapacity: capacity) { ids, idCount in
            out.positions = [Point](unsafeUninitializedCapacity: capacity) { positions, positionCount in
                out.blocks = [UInt64](unsafeUninitializedCapacity: hasBlocks ? capacity : 0) { blocks, blockCount in
                    let base = Target(
                        ids: ids.baseAddress!, positions: positions.baseAddress!,
                        blocks: hasBlocks ? blocks.baseAddress : nil)
                    let results = Mutex([Run](repeating: Run(), count: runs))
                    DispatchQueue.concurrentPerform(iterations: runs) { k in
                        let whole = shared.bytes
                        let start = shared.dataOffset + runStarts[k]
                        let end = shared.dataOffset + runStarts[k + 1]
                        let first = firstRows[k]
                        let target = Target(
                            ids: base.ids + first, positions: base.positions + first,
                            blocks: base.blocks.map { $0 + first })
                        let run = parseRun(
                            UnsafeRawBufferPointer(rebasing: whole[start..<end]), columns: columns, file: file,
                            into: target
                        ) { runLine in
                            // Lines before this run (counted only for an error): the header's, and the data's before it.
                            let before = UnsafeRawBufferPointer(rebasing: whole[shared.dataOffset..<start])
                            return firstLine - 1 + lineBreaks(in: before) + runLine
                        }
                        results.withLock { $0[k] = run }
                    }
                    let all = results.withLock { $0 }
                    failure = all.lazy.compactMap(\.failure).first
                    var n = 0
                    for (k, run) in all.enumerated() where failure == nil {
                        if firstRows[k] != n {
                            (base.ids + n).moveInitialize(from: base.ids + firstRows[k], count: run.rows)
                            (base.positions + n).moveInitialize(from: base.positions + firstRows[k], count: run.rows)
                            base.blocks.map { ($0 + n).moveInitialize(from: $0 + firstRows[k], count: run.rows) }
                        }
                        n += run.rows
                    }
                    // The elements are trivial values: after a failure they are dropped uninitialized.
                    (idCount, positionCount, blockCount) = (n, n, hasBlocks ? n : 0)
                }
            }
        }
        if let failure { throw failure }
        return out
    }

    /// The number of line feeds (or of `byte`) in `bytes`.
    static func lineBreaks(in bytes: UnsafeRawBufferPointer, byte: UInt8 = UInt8(ascii: "\n")) -> Int {
        guard var p = bytes.baseAddress else { return 0 }
        let end = p + bytes.count
        var n = 0
        // memchr finds the next such byte (NULL when none is left).
        while p < end, let hit = memchr(p, Int32(byte), end - p) {
            n += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return n
    }

    /// Parses one run of whole records; `line` turns a line of the run into a line of the file.
    static func parseRun(
        _ chunk: UnsafeRawBufferPointer, columns: Columns, file: String, into target: Target, line: (Int) -> Int
    ) -> Run {
        var run = Run()
        var reader = CSVRecordReader(chunk: chunk, displayName: file)
        func failure(_ column: Int?, _ message: String) -> LastmileError {
            .badInput(
                SourceLocation(file: file, line: line(reader.recordLine), column: column.map { columns.names[$0] }),
                message)
        }
        do {
            while try reader.next(columnNames: columns.names) {
                guard reader.fieldCount == columns.names.count else {
                    run.failure = failure(
                        nil, "expected \(columns.names.count) fields as in the header, found \(reader.fieldCount)")
                    return run
                }
                guard let id = FieldParsing.int64(reader.bytes(columns.location)), id >= 0 else {
                    run.failure = failure(
                        columns.location,
                        "expected a non-negative integer location id, found "
                            + FieldParsing.quoted(reader.bytes(columns.location)))
                    return run
                }
                /// A coordinate in -limit…limit degrees; NaN when empty, nil when not a number in range.
                func degrees(_ column: Int, limit: Double) -> Double? {
                    let bytes = reader.bytes(column)
                    guard !bytes.isEmpty else { return .nan }
                    guard let d = FieldParsing.signedDecimal(bytes), abs(d) <= limit else { return nil }
                    return d
                }
                guard let latitude = degrees(columns.latitude, limit: 90),
                    let longitude = degrees(columns.longitude, limit: 180)
                else {
                    let bad = degrees(columns.latitude, limit: 90) == nil ? columns.latitude : columns.longitude
                    let limit = bad == columns.latitude ? 90 : 180
                    run.failure = failure(
                        bad,
                        "expected degrees from -\(limit) to \(limit), found " + FieldParsing.quoted(reader.bytes(bad)))
                    return run
                }
                if let iBlock = columns.block, let blocks = target.blocks {
                    let bytes = reader.bytes(iBlock)
                    guard FieldParsing.isDigits(bytes, count: 15) else {
                        run.failure = failure(
                            iBlock, "expected a 15-digit census block GEOID, found " + FieldParsing.quoted(bytes))
                        return run
                    }
                    var block: UInt64 = 0
                    for b in bytes { block = block &* 10 &+ UInt64(b &- 48) }
                    (blocks + run.rows).initialize(to: block)
                }
                (target.ids + run.rows).initialize(to: id)
                (target.positions + run.rows).initialize(to: Point(x: longitude, y: latitude))
                run.rows += 1
            }
        } catch let error as LastmileError {
            // The reader names the line within the run; the error names it within the file.
            if case .badInput(var at, let message) = error, let l = at.line {
                at.line = line(l)
                run.failure = .badInput(at, message)
            } else {
                run.failure = error
            }
        } catch {
            run.failure = .failed("\(error)")
        }
        return run
    }

    /// The file's bytes, read by the workers while the caller's buffer is borrowed.
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        let dataOffset: Int
    }
}
