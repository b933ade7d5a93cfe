import GeoModel
import Synchronization

/// A location table that several threads fold into at once: split into partitions by a hash of the
/// location id, each a `LocationClassTable` behind its own lock. Memory is one table's, whatever the
/// number of threads; a thread hands over a whole batch at a time, so it takes each lock once per
/// batch and rarely meets another thread there.
public final class SharedLocationTable: Sendable {
    /// One partition and its lock.
    final class Partition: Sendable {
        let table = Mutex(LocationClassTable())
    }

    /// Number of partitions: a power of two, 16 — enough that threads rarely wait on one another (a
    /// busy partition is skipped and folded later), few enough that each partition's table is large
    /// enough for huge pages at state scale (measured: 7 % less CPU than 64 on 24 M rows).
    public static var partitionCount: Int { 16 }
    private let partitions: [Partition]

    public init() {
        partitions = (0..<Self.partitionCount).map { _ in Partition() }
    }

    /// The partition of a location id: the top bits of a second multiplicative hash (the table inside
    /// a partition uses the Fibonacci hash, so the two stay independent).
    @inlinable
    public static func partition(of location: Int64) -> Int {
        Int(
            truncatingIfNeeded: (UInt64(bitPattern: location) &* 0xC2B2_AE3D_27D4_EB4F)
                >> UInt64(64 - partitionCount.trailingZeroBitCount))
    }

    /// Folds a batch of rows' outcomes and empties it: best class per location; when a location
    /// arrives with another block than the one it has, `blockDisagreements` counts it (rows of several
    /// threads arrive in no fixed order).
    ///
    /// Partitions are visited from a place that changes with `chunk` (any number that varies from one
    /// batch to the next), so threads rarely meet on one lock; a partition another thread holds is
    /// left for later rather than waited for (that thread may have been descheduled while holding it).
    public func add(_ batch: inout LocationBatch, chunk: Int) {
        let parts = Self.partitionCount
        batch.groupByPartition()
        let first = (chunk &* 37) & (parts - 1)
        var busy: [Int] = []
        func fold(_ p: Int, waiting: Bool) -> Bool {
            if !batch.hasRows(partition: p) { return true }
            if waiting {
                partitions[p].table.withLock { batch.fold(partition: p, into: &$0) }
                return true
            }
            return partitions[p].table.withLockIfAvailable { batch.fold(partition: p, into: &$0) } != nil
        }
        for k in 0..<parts {
            let p = (first + k) & (parts - 1)
            if !fold(p, waiting: false) { busy.append(p) }
        }
        while !busy.isEmpty {
            // Another pass without waiting, then wait for the first one still busy.
            busy = busy.filter { !fold($0, waiting: false) }
            if let p = busy.first {
                _ = fold(p, waiting: true)
                busy.removeFirst()
            }
        }
        batch.removeAll()
    }

    /// Takes the partitions' tables out (the shared table is empty afterwards).
    public func takeTables() -> [LocationClassTable] {
        partitions.map { p in
            p.table.withLock { t in
                let out = t
                t = LocationClassTable()
                return out
            }
        }
    }
}
