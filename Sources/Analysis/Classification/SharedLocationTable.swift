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
        Int(truncatingIfNeeded: (UInt64(bitPattern: location) &* 0xC2B2_AE3D_27D4_EB4F)
            >> UInt64(64 - partitionCount.trailingZeroBitCount))
    }

    /// Folds outcomes of rows of one partition (`partition(of:)` of every location must be `partition`):
    /// best class per location; when a location arrives with another block than the one it has,
    /// `blockDisagreements` counts it (rows of several threads arrive in no fixed order).
    public func add(partition: Int, locations: UnsafeBufferPointer<Int64>, blocks: UnsafeBufferPointer<UInt64>,
                    classes: UnsafeBufferPointer<UInt8>) {
        partitions[partition].table.withLock { table in
            table.add(locations: locations, blocks: blocks, classes: classes)
        }
    }

    /// `add`, but only if no other thread holds the partition: returns false, having done nothing,
    /// when it is busy (the caller folds other partitions first instead of waiting).
    public func addIfAvailable(partition: Int, locations: UnsafeBufferPointer<Int64>, blocks: UnsafeBufferPointer<UInt64>,
                               classes: UnsafeBufferPointer<UInt8>) -> Bool {
        partitions[partition].table.withLockIfAvailable { table in
            table.add(locations: locations, blocks: blocks, classes: classes)
        } != nil
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
