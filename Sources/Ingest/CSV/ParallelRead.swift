import Foundation
import GeoIO
import GeoModel
import Synchronization

/// What one worker saw besides its accumulator.
struct WorkerTally: Sendable {
    var rows = 0
    var unknownTechnologyRows = 0
    var unknownTechnologyCodes = Set<Int>()
    /// Rows per known technology code, indexed by the code (0…72).
    var rowsByTechnologyCode = [Int](repeating: 0, count: TechnologyTally.codeLimit)
}

/// Rows per technology code, counted in a small array on the per-row path.
enum TechnologyTally {
    /// One more than the highest code the BDC specification defines (72, licensed-by-rule fixed wireless).
    static let codeLimit = 73

    /// The non-zero counts of `counts` (indexed by code) as a dictionary.
    static func dictionary(_ counts: [Int]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (code, n) in counts.enumerated() where n > 0 { out[code] = n }
        return out
    }
}

/// The state the workers of one `BDCReader.fold` share: the chunk source and their results.
final class ParallelRead<A: AvailabilityAccumulator>: Sendable {
    let source: Mutex<ChunkSource>
    let results: Mutex<[(accumulator: A, tally: WorkerTally)?]>

    /// Rows handed to the accumulator at a time (`BDCReader.rowsPerBatch`).
    static var batchSize: Int { BDCReader.rowsPerBatch }

    init(source: consuming sending ChunkSource, workers: Int) {
        self.source = Mutex(source)
        results = Mutex(Array(repeating: nil, count: workers))
    }

    /// One worker: takes chunks until there are none left, parsing and folding each.
    func work(index: Int, makeAccumulator: @Sendable () -> A) {
        var accumulator = makeAccumulator()
        var tally = WorkerTally()
        var texts = AvailabilityTexts()
        var batch: [AvailabilityRow] = []
        batch.reserveCapacity(Self.batchSize)
        while let chunk = source.withLock({ $0.next() }) {
            do {
                let lines = try Self.parse(chunk, into: &accumulator, batch: &batch, tally: &tally, texts: &texts)
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
    static func parse(
        _ chunk: Chunk, into accumulator: inout A, batch: inout [AvailabilityRow],
        tally: inout WorkerTally, texts: inout AvailabilityTexts
    ) throws -> Int {
        batch.removeAll(keepingCapacity: true)
        let header = chunk.header
        return try chunk.bytes.withUnsafeBytes { raw in
            var reader = CSVRecordReader(
                chunk: UnsafeRawBufferPointer(rebasing: raw[..<chunk.count]),
                displayName: chunk.displayName)
            let fieldCount = header.names.count
            try withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { ends in
                while true {
                    let row: AvailabilityRow
                    // The fast path takes plain records; anything else goes through the general parser,
                    // which gives the same values, or the exact error.
                    switch reader.nextPlainRow(
                        columns: header.columns, fieldCount: fieldCount, ends: ends.baseAddress!,
                        texts: &texts)
                    {
                    case .row(let r): row = r
                    case .general:
                        guard let r = try BDCRowParser.next(&reader, header, texts: &texts) else { return }
                        row = r
                    }
                    if !BDCReader.isKnown(Technology(code: row.technology)) {
                        tally.unknownTechnologyRows += 1
                        tally.unknownTechnologyCodes.insert(row.technology)
                    } else {
                        tally.rowsByTechnologyCode[row.technology] += 1
                    }
                    tally.rows += 1
                    batch.append(row)
                    if batch.count == Self.batchSize {
                        accumulator.add(batch, chunk: chunk.sequence, texts: texts.strings)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !batch.isEmpty {
                accumulator.add(batch, chunk: chunk.sequence, texts: texts.strings)
                batch.removeAll(keepingCapacity: true)
            }
            return reader.linesConsumed
        }
    }

    /// The merged result after every worker finished, or the first failure in reading order (a
    /// chunk's error gets its line counted from the start of its member).
    func result() throws -> (accumulator: A, summary: BDCReadSummary) {
        let (failure, base, lineOffset) = source.withLock {
            s -> ((sequence: Int, error: any Error)?, BDCReadSummary, Int?) in
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
        // Taken out, not copied: the merge then mutates the accumulators' storage in place (a copy
        // left behind would make the first merge copy a whole table), and each is freed once merged.
        var parts = results.withLock { r in
            let out = r.map { $0! }
            r = Array(repeating: nil, count: r.count)
            return out
        }
        var summary = base
        var unknownCodes = Set<Int>()
        var byCode = [Int](repeating: 0, count: TechnologyTally.codeLimit)
        for p in parts {
            summary.rows += p.tally.rows
            summary.unknownTechnologyRows += p.tally.unknownTechnologyRows
            unknownCodes.formUnion(p.tally.unknownTechnologyCodes)
            for code in byCode.indices { byCode[code] += p.tally.rowsByTechnologyCode[code] }
        }
        summary.unknownTechnologyCodes = unknownCodes.sorted()
        summary.rowsByTechnology = TechnologyTally.dictionary(byCode)
        // Merged in worker order; the result does not depend on the order (see AvailabilityAccumulator).
        var merged = parts.removeFirst().accumulator
        while !parts.isEmpty {
            merged.merge(parts.removeFirst().accumulator)
        }
        return (merged, summary)
    }
}
