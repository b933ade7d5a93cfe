import GeoModel

/// Availability rows on their way into a `SharedLocationTable`, reduced to what the table keeps: each
/// row's location id, its census block and the class the study's rule gives it. The three are
/// appended together, so every row has all of them.
///
/// Rows are grouped by partition of the shared table when the batch is folded (one lock per partition
/// per batch); the scratch space for that stays with the batch and is reused from one batch to the next.
public struct LocationBatch: Sendable {
    /// The rows in the order appended.
    @usableFromInline var locations: [Int64] = []
    @usableFromInline var blocks: [UInt64] = []
    @usableFromInline var classes: [UInt8] = []
    /// The same rows grouped by partition (filled by `groupByPartition`), and where each partition
    /// starts in them (`partitionCount + 1` offsets).
    private var groupedLocations: [Int64] = []
    private var groupedBlocks: [UInt64] = []
    private var groupedClasses: [UInt8] = []
    private var starts = [Int](repeating: 0, count: SharedLocationTable.partitionCount + 1)

    /// An empty batch with room for `capacity` rows before it grows.
    public init(capacity: Int = 0) {
        locations.reserveCapacity(capacity)
        blocks.reserveCapacity(capacity)
        classes.reserveCapacity(capacity)
    }

    /// Rows in the batch.
    public var count: Int { locations.count }
    public var isEmpty: Bool { locations.isEmpty }

    /// Adds one row: its location (not negative), its block GEOID as an integer, the class it gives.
    @inlinable
    public mutating func append(location: Int64, block: UInt64, serviceClass: ServiceClass) {
        precondition(location >= 0, "location ids are not negative")
        locations.append(location)
        blocks.append(block)
        classes.append(UInt8(serviceClass.rawValue))
    }

    /// Empties the batch, keeping its memory for the next one.
    public mutating func removeAll() {
        locations.removeAll(keepingCapacity: true)
        blocks.removeAll(keepingCapacity: true)
        classes.removeAll(keepingCapacity: true)
    }

    /// Groups the rows by partition (a counting sort, stable: rows keep their order within a partition).
    mutating func groupByPartition() {
        let n = locations.count
        let parts = SharedLocationTable.partitionCount
        if groupedLocations.count < n {
            groupedLocations = Array(repeating: 0, count: n)
            groupedBlocks = Array(repeating: 0, count: n)
            groupedClasses = Array(repeating: 0, count: n)
        }
        for p in starts.indices { starts[p] = 0 }
        for l in locations { starts[SharedLocationTable.partition(of: l) + 1] += 1 }
        for p in 0..<parts { starts[p + 1] += starts[p] }
        var next = starts
        for i in 0..<n {
            let p = SharedLocationTable.partition(of: locations[i])
            let at = next[p]
            next[p] = at + 1
            groupedLocations[at] = locations[i]
            groupedBlocks[at] = blocks[i]
            groupedClasses[at] = classes[i]
        }
    }

    /// Whether partition `p` has rows, after `groupByPartition`.
    func hasRows(partition p: Int) -> Bool { starts[p + 1] > starts[p] }

    /// Folds the rows of partition `p` (after `groupByPartition`) into `table`.
    func fold(partition p: Int, into table: inout LocationClassTable) {
        let range = starts[p]..<starts[p + 1]
        guard !range.isEmpty else { return }
        groupedLocations.withUnsafeBufferPointer { l in
            groupedBlocks.withUnsafeBufferPointer { b in
                groupedClasses.withUnsafeBufferPointer { c in
                    table.add(
                        locations: UnsafeBufferPointer(rebasing: l[range]),
                        blocks: UnsafeBufferPointer(rebasing: b[range]),
                        classes: UnsafeBufferPointer(rebasing: c[range]))
                }
            }
        }
    }
}
