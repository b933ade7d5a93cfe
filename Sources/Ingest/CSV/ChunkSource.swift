import Foundation
import GeoIO
import GeoModel

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
                if m.filled > CSVLimits.maximumLineLength {
                    // The record at the buffer's start is too long: it fails at its place, line 1 of
                    // a chunk that is never handed out (ParallelRead counts the lines before it).
                    chunkMember.append(m.index)
                    chunkLines.append(0)
                    record(
                        failure: LastmileError.badInput(
                            SourceLocation(file: members[m.index].displayName, line: 1),
                            CSVLimits.tooLong), at: nextSequence)
                    nextSequence += 1
                    return nil
                }
                // No record ends in the buffer: one record is longer than it. Grow and read on.
                var bigger = buffer(capacity: m.data.count * 2)
                bigger.withUnsafeMutableBytes { dst in
                    m.data.withUnsafeBytes { src in
                        dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[..<m.filled]))
                    }
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
        p.report(
            BDCReadProgress(
                bytesRead: bytes,
                elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                filesDone: p.fileOfMember[member], filesTotal: p.files, plainBytesTotal: p.plainBytesTotal))
    }

    private mutating func emit(_ data: [UInt8], count: Int, member m: OpenMember) -> Chunk {
        reportProgress(member: m.index)
        let chunk = Chunk(
            bytes: data, count: count, sequence: nextSequence, member: m.index, header: m.header,
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
        current = OpenMember(
            stream: stream, header: header, index: index, data: data, filled: rest.bytes.count,
            atEnd: rest.atEnd)
    }
}
