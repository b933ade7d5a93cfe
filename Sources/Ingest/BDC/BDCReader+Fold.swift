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
                let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
            {
                plainTotal = plainTotal.map { $0 + size }
            } else {
                plainTotal = nil
            }
        }
        let workers = max(1, threads)
        var source = ChunkSource(members: members, chunkSize: max(chunkSize, 64))
        if let progress {
            source.progress = ChunkSource.ProgressReport(
                report: progress, fileOfMember: fileOfMember,
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
