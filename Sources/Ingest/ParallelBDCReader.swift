import Foundation
import GeoIO
import GeoModel
import Synchronization

extension BDCReader {
    /// Reads every row of every CSV member of `paths` on `threads` worker threads and folds the
    /// classification columns into per-worker accumulators, which are merged at the end.
    ///
    /// The byte stream of each member (plain, `.gz` or zip member, through GDAL's VSI) is read in
    /// order and cut into chunks of whole records (`RecordBoundaryScanner`: quote-aware); workers
    /// take chunks in turn, parse only the columns classification needs (no `String` per row) and
    /// fold them. Memory: a few chunk buffers per thread (reused) plus what the accumulators keep;
    /// nothing grows with the number of rows.
    ///
    /// The result equals a record-by-record read (`read(path:_:)`) whatever the number of threads,
    /// provided the accumulator follows `AvailabilityAccumulator`'s rules. Errors are the same too: the
    /// first bad row in file order is reported with its member, line (counted over the whole member)
    /// and column.
    ///
    /// - Parameters:
    ///   - paths: `.csv`, `.csv.gz` or `.zip` files, read in this order.
    ///   - threads: worker threads (at least 1; 1 parses on the calling thread).
    ///   - chunkSize: bytes per chunk (a record longer than this makes its chunk larger).
    ///   - progress: called now and then (at most about 4 times a second, from a worker thread) with
    ///     how far the read has come; nil for none.
    ///   - makeAccumulator: creates one worker's empty state.
    /// - Returns: the merged accumulator and what was read (rows, members, bytes, unknown technologies).
    /// - Throws: `LastmileError.io` for a missing or unreadable file, `.badInput` for bad data
    ///   (see `read(path:_:)`), a damaged archive or a corrupt compressed stream.
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    public static func fold<A: AvailabilityAccumulator>(
        paths: [String], threads: Int, chunkSize: Int = BDCReader.defaultChunkSize,
        progress: (@Sendable (BDCReadProgress) -> Void)? = nil,
        makeAccumulator: @escaping @Sendable () -> A
    ) throws -> (accumulator: A, summary: BDCReadSummary) {
        var members: [VirtualPath.Member] = []
        var fileOfMember: [Int] = []
        var plainTotal: Int? = 0
        for (i, path) in paths.enumerated() {
            let m = try VirtualPath.csvMembers(of: path)
            members += m
            fileOfMember += Array(repeating: i, count: m.count)
            if m.count == 1, m[0].vsiPath == path,
               let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
                plainTotal = plainTotal.map { $0 + size }
            } else {
                plainTotal = nil
            }
        }
        let workers = max(1, threads)
        var source = ChunkSource(members: members, chunkSize: max(chunkSize, 64))
        if let progress {
            source.progress = ChunkSource.ProgressReport(report: progress, fileOfMember: fileOfMember,
                                                         files: paths.count, plainBytesTotal: plainTotal)
        }
        let shared = ParallelRead<A>(source: source, workers: workers)
        let finished = DispatchSemaphore(value: 0)
        for index in 1..<workers {
            let thread = Thread {
                shared.work(index: index, makeAccumulator: makeAccumulator)
                finished.signal()
            }
            thread.start()
        }
        shared.work(index: 0, makeAccumulator: makeAccumulator)
        for _ in 1..<workers { finished.wait() }
        return try shared.result()
    }
}

/// One chunk of whole records of one member, and what a worker needs to parse it.
struct Chunk: Sendable {
    /// The buffer; bytes `0..<count` are the chunk (the buffer goes back to the pool after use).
    var bytes: [UInt8]
    var count: Int
    /// Position of the chunk in reading order over the whole read.
    var sequence: Int
    /// Index of the member in the read's member list.
    var member: Int
    var header: BDCHeader
    var displayName: String
}

/// Reads members one after another and cuts them into chunks; lives inside a `Mutex`, so one worker
/// at a time reads (parsing, the costly part, happens outside the lock).
struct ChunkSource {
    /// The member being read.
    struct OpenMember {
        let stream: ByteStream
        let header: BDCHeader
        let index: Int
        var data: [UInt8]
        var filled: Int
        var atEnd: Bool
        var scanner = RecordBoundaryScanner()
    }

    /// Where progress goes, and what it needs to know about the inputs.
    struct ProgressReport {
        let report: @Sendable (BDCReadProgress) -> Void
        /// Input file index of each member.
        let fileOfMember: [Int]
        let files: Int
        let plainBytesTotal: Int?
        let start = ContinuousClock.now
        var lastReport = ContinuousClock.now
    }

    let members: [VirtualPath.Member]
    let chunkSize: Int
    var progress: ProgressReport?
    private var nextMember = 0
    private var current: OpenMember?
    private var nextSequence = 0
    /// Buffers handed back by workers, reused for later chunks.
    private var pool: [[UInt8]] = []

    /// Per member: the line the first data record starts on (after the header).
    private(set) var firstDataLine: [Int] = []
    /// Per chunk (by sequence): its member and, once parsed, its physical line count.
    private(set) var chunkMember: [Int] = []
    private(set) var chunkLines: [Int] = []
    /// Members read to the end, in order, and bytes read after decompression.
    private(set) var finishedMembers: [String] = []
    private(set) var bytes = 0
    /// The first failure in reading order: the chunk (or read position) and its error.
    private(set) var failure: (sequence: Int, error: any Error)?

    init(members: [VirtualPath.Member], chunkSize: Int) {
        self.members = members
        self.chunkSize = chunkSize
        firstDataLine = Array(repeating: 1, count: members.count)
    }

    /// The next chunk, or nil when every member is read or a failure stops the read.
    mutating func next() -> Chunk? {
        if failure != nil { return nil }
        do {
            return try nextChunk()
        } catch {
            record(failure: error, at: nextSequence)
            current = nil
            return nil
        }
    }

    /// Records a failure if it comes before any recorded one in reading order.
    mutating func record(failure error: any Error, at sequence: Int) {
        if let f = failure, f.sequence <= sequence { return }
        failure = (sequence, error)
    }

    /// A parsed chunk's line count, and its buffer for reuse.
    mutating func finished(sequence: Int, lines: Int, buffer: consuming [UInt8]) {
        chunkLines[sequence] = lines
        pool.append(buffer)
    }

    private mutating func buffer(capacity: Int) -> [UInt8] {
        if let i = pool.lastIndex(where: { $0.count >= capacity }) { return pool.remove(at: i) }
        return [UInt8](repeating: 0, count: capacity)
    }

    private mutating func nextChunk() throws -> Chunk? {
        while true {
            if current == nil {
                guard nextMember < members.count else { return nil }
                try open(member: nextMember)
                nextMember += 1
            }
            var m = current!
            current = nil
            // Fill the buffer (VSIFReadL returns short counts only at the end of the stream).
            while !m.atEnd && m.filled < m.data.count {
                let filled = m.filled
                let n = try m.data.withUnsafeMutableBytes { raw in
                    try m.stream.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
                }
                if n == 0 { m.atEnd = true }
                m.filled += n
                bytes += n
            }
            if m.atEnd {
                // The rest of the member is its last chunk.
                m.stream.close()
                finishedMembers.append(members[m.index].displayName)
                if m.filled == 0 {
                    pool.append(m.data)
                    continue
                }
                return emit(m.data, count: m.filled, member: m)
            }
            let cut = m.data.withUnsafeBufferPointer { m.scanner.lastCut(in: $0.baseAddress!, count: m.filled) }
            if cut == 0 {
                // No record ends in the buffer: one record is longer than it. Grow and read on.
                var bigger = buffer(capacity: m.data.count * 2)
                bigger.withUnsafeMutableBytes { dst in
                    m.data.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[..<m.filled])) }
                }
                pool.append(m.data)
                m.data = bigger
                current = m
                continue
            }
            let tail = m.filled - cut
            var next = buffer(capacity: max(chunkSize, tail * 2))
            next.withUnsafeMutableBytes { dst in
                m.data.withUnsafeBytes { src in
                    dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[cut..<m.filled]))
                }
            }
            m.scanner.shift(by: cut)
            let full = m.data
            m.data = next
            m.filled = tail
            current = m
            return emit(full, count: cut, member: m)
        }
    }

    /// Calls the progress callback if a quarter of a second passed since the last call (a terminal
    /// line need not change faster; chosen for the command line).
    private mutating func reportProgress(member: Int) {
        guard var p = progress else { return }
        let now = ContinuousClock.now
        guard now - p.lastReport >= .milliseconds(250) else { return }
        p.lastReport = now
        progress = p
        let elapsed = now - p.start
        p.report(BDCReadProgress(bytesRead: bytes,
                                 elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                                 filesDone: p.fileOfMember[member], filesTotal: p.files, plainBytesTotal: p.plainBytesTotal))
    }

    private mutating func emit(_ data: [UInt8], count: Int, member m: OpenMember) -> Chunk {
        reportProgress(member: m.index)
        let chunk = Chunk(bytes: data, count: count, sequence: nextSequence, member: m.index, header: m.header,
                          displayName: members[m.index].displayName)
        nextSequence += 1
        chunkMember.append(m.index)
        chunkLines.append(0)
        return chunk
    }

    /// Opens member `index`, reads its header and keeps what was read past it.
    private mutating func open(member index: Int) throws {
        let member = members[index]
        let stream = try ByteStream(vsiPath: member.vsiPath, displayName: member.displayName)
        var reader = CSVRecordReader(stream: stream, chunkSize: chunkSize)
        let header = try BDCHeader(reading: &reader)
        let rest = reader.unparsed
        var data = buffer(capacity: max(chunkSize, rest.bytes.count * 2))
        data.withUnsafeMutableBytes { $0.copyMemory(from: rest.bytes) }
        bytes += reader.bytesRead
        firstDataLine[index] = rest.nextLine
        current = OpenMember(stream: stream, header: header, index: index, data: data, filled: rest.bytes.count,
                             atEnd: rest.atEnd)
    }
}

/// What one worker saw besides its accumulator.
struct WorkerTally: Sendable {
    var rows = 0
    var unknownTechnologyRows = 0
    var unknownTechnologyCodes = Set<Int>()
}

/// The state the workers of one `BDCReader.fold` share: the chunk source and their results.
@available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
final class ParallelRead<A: AvailabilityAccumulator>: Sendable {
    let source: Mutex<ChunkSource>
    let results: Mutex<[(accumulator: A, tally: WorkerTally)?]>

    /// Rows handed to the accumulator at a time: 16,384 (about 1 MiB of rows) lets an accumulator that
    /// sorts a batch into 64 partitions take each lock for about 256 rows (chosen for `SharedLocationTable`).
    static var batchSize: Int { 16384 }

    init(source: consuming sending ChunkSource, workers: Int) {
        self.source = Mutex(source)
        results = Mutex(Array(repeating: nil, count: workers))
    }

    /// One worker: takes chunks until there are none left, parsing and folding each.
    func work(index: Int, makeAccumulator: @Sendable () -> A) {
        var accumulator = makeAccumulator()
        var tally = WorkerTally()
        var batch: [AvailabilityRow] = []
        batch.reserveCapacity(Self.batchSize)
        while let chunk = source.withLock({ $0.next() }) {
            do {
                let lines = try Self.parse(chunk, into: &accumulator, batch: &batch, tally: &tally)
                let buffer = chunk.bytes
                source.withLock { $0.finished(sequence: chunk.sequence, lines: lines, buffer: buffer) }
            } catch {
                source.withLock { $0.record(failure: error, at: chunk.sequence) }
            }
        }
        let done = (accumulator, tally)
        results.withLock { $0[index] = done }
    }

    /// Parses one chunk into `accumulator`; returns its physical line count.
    static func parse(_ chunk: Chunk, into accumulator: inout A, batch: inout [AvailabilityRow],
                      tally: inout WorkerTally) throws -> Int {
        batch.removeAll(keepingCapacity: true)
        let header = chunk.header
        return try chunk.bytes.withUnsafeBytes { raw in
            var reader = CSVRecordReader(chunk: UnsafeRawBufferPointer(rebasing: raw[..<chunk.count]),
                                         displayName: chunk.displayName)
            let fieldCount = header.names.count
            try withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { ends in
                while true {
                    let row: AvailabilityRow
                    // The fast path takes plain records; anything else goes through the general parser,
                    // which gives the same values, or the exact error.
                    switch reader.nextPlainRow(columns: header.columns, fieldCount: fieldCount, ends: ends.baseAddress!) {
                    case .row(let r): row = r
                    case .general:
                        guard let r = try BDCRowParser.next(&reader, header) else { return }
                        row = r
                    }
                    if !BDCReader.isKnown(Technology(code: row.technology)) {
                        tally.unknownTechnologyRows += 1
                        tally.unknownTechnologyCodes.insert(row.technology)
                    }
                    tally.rows += 1
                    batch.append(row)
                    if batch.count == Self.batchSize {
                        accumulator.add(batch, chunk: chunk.sequence)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !batch.isEmpty {
                accumulator.add(batch, chunk: chunk.sequence)
                batch.removeAll(keepingCapacity: true)
            }
            return reader.linesConsumed
        }
    }

    /// The merged result after every worker finished, or the first failure in reading order (a
    /// chunk's error gets its line counted from the start of its member).
    func result() throws -> (accumulator: A, summary: BDCReadSummary) {
        let (failure, base, lineOffset) = source.withLock { s -> ((sequence: Int, error: any Error)?, BDCReadSummary, Int?) in
            var summary = BDCReadSummary()
            summary.members = s.finishedMembers
            summary.bytes = s.bytes
            guard let f = s.failure else { return (nil, summary, nil) }
            // A failure inside an emitted chunk counts lines from the chunk's start; the source's own
            // failures (header, damaged stream) come after the last emitted chunk and carry their place.
            guard f.sequence < s.chunkMember.count else { return (f, summary, nil) }
            // Lines before the failing chunk: the member's header lines plus its earlier chunks.
            let member = s.chunkMember[f.sequence]
            var offset = s.firstDataLine[member] - 1
            for q in 0..<f.sequence where s.chunkMember[q] == member { offset += s.chunkLines[q] }
            return (f, summary, offset)
        }
        if let failure {
            if let lineOffset, case .badInput(var at, let what)? = failure.error as? LastmileError, let line = at.line {
                at.line = line + lineOffset
                throw LastmileError.badInput(at, what)
            }
            throw failure.error
        }
        var parts = results.withLock { r in r.map { $0! } }
        var summary = base
        var unknownCodes = Set<Int>()
        for p in parts {
            summary.rows += p.tally.rows
            summary.unknownTechnologyRows += p.tally.unknownTechnologyRows
            unknownCodes.formUnion(p.tally.unknownTechnologyCodes)
        }
        summary.unknownTechnologyCodes = unknownCodes.sorted()
        // Merged in worker order; the result does not depend on the order (see AvailabilityAccumulator).
        var merged = parts.removeFirst().accumulator
        while !parts.isEmpty {
            merged.merge(parts.removeFirst().accumulator)
        }
        return (merged, summary)
    }
}
