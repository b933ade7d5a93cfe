import GeoModel

#if canImport(Glibc)
    import Glibc
#endif

/// The compact per-location state of a classification: for each location id, its best class so
/// far and its census block (the block of its first row).
///
/// An open-addressing hash table with linear probing over one flat array of 16-byte slots (id, then
/// block and class packed in one word), at most 3/4 full and grown by half: 21–32 bytes per location
/// whatever the number of rows, one cache line touched per row, no per-entry allocation.
public struct LocationClassTable: Sendable {
    /// One slot: a location id (`emptyKey` when free) and its block GEOID shifted left by 2 with the
    /// class's raw value in the low 2 bits (a 15-digit GEOID needs 50 bits).
    struct Slot: Sendable {
        var key: Int64
        var value: UInt64
    }

    private var slots: [Slot]
    /// Number of locations in the table.
    public private(set) var count = 0
    /// Locations for which a merged table had another block than this one (see `merge`).
    public private(set) var blockDisagreements = 0
    /// Written by the batch `add`, so that its look-ahead loads are not optimised away.
    private var touched: Int64 = 0

    private static let emptyKey: Int64 = -1

    /// An empty table with room for `expected` locations before it grows.
    public init(expected: Int = 0) {
        slots = Self.emptySlots(Self.capacity(for: max(expected, 12)))
    }

    /// `n` free slots. Large tables ask Linux for transparent huge pages before the memory is first
    /// touched: each row's look-up lands on a random slot, and with 4 KiB pages most of them would also
    /// miss the TLB.
    private static func emptySlots(_ n: Int) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: n) { buffer, initialized in
            #if os(Linux)
                let bytes = n * MemoryLayout<Slot>.stride
                if bytes >= 2 << 20, let base = buffer.baseAddress {
                    let page = 4096
                    let start = (Int(bitPattern: base) + page - 1) / page * page
                    let end = (Int(bitPattern: base) + bytes) / page * page
                    if end > start {
                        // madvise returns 0 on success; on failure the table simply uses small pages.
                        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
                    }
                }
            #endif
            buffer.initialize(repeating: Slot(key: emptyKey, value: 0))
            initialized = n
        }
    }

    /// Slots for `n` locations at 3/4 fill (linear probing stays short below that; a common bound).
    private static func capacity(for n: Int) -> Int { n / 3 * 4 + 4 }

    @inline(__always)
    private static func home(_ key: Int64, _ capacity: Int) -> Int {
        // Fibonacci hashing (multiply by 2^64 / golden ratio), then Lemire's multiply-shift reduction to
        // [0, capacity): any capacity, not only powers of two.
        let h = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h.multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// Folds one row's outcome: the class is raised to `serviceClass` if that is better; the block
    /// stays the one of the location's first row.
    @inline(__always)
    public mutating func add(location: Int64, block: UInt64, serviceClass: ServiceClass) {
        precondition(location >= 0, "location ids are not negative")
        let cls = UInt64(serviceClass.rawValue)
        let inserted: Bool = slots.withUnsafeMutableBufferPointer { s in
            let capacity = s.count
            var i = Self.home(location, capacity)
            while true {
                let k = s[i].key
                if k == location {
                    if cls > s[i].value & 3 { s[i].value = s[i].value & ~3 | cls }
                    return false
                }
                if k == Self.emptyKey {
                    s[i] = Slot(key: location, value: block << 2 | cls)
                    return true
                }
                i += 1
                if i == capacity { i = 0 }
            }
        }
        if inserted {
            count += 1
            if count * 4 > slots.count * 3 { grow() }
        }
    }

    /// Folds a batch of rows' outcomes (`add` for each, counting block disagreements): loads every
    /// row's home slot first, so the cache misses overlap, then folds them in order.
    mutating func add(
        locations: UnsafeBufferPointer<Int64>, blocks: UnsafeBufferPointer<UInt64>,
        classes: UnsafeBufferPointer<UInt8>
    ) {
        precondition(blocks.count == locations.count && classes.count == locations.count, "one block and class per row")
        // Grow first, so that no insertion of the batch needs to.
        while (count + locations.count) * 4 > slots.count * 3 { grow() }
        var inserted = 0
        var disagreements = 0
        var sink: Int64 = 0
        slots.withUnsafeMutableBufferPointer { s in
            let capacity = s.count
            for l in locations { sink &+= s[Self.home(l, capacity)].key }
            for n in locations.indices {
                let location = locations[n]
                let block = blocks[n]
                let cls = UInt64(classes[n])
                precondition(location >= 0 && cls <= 2, "location ids are not negative; classes are 0, 1, 2")
                var i = Self.home(location, capacity)
                while true {
                    let k = s[i].key
                    if k == location {
                        if cls > s[i].value & 3 { s[i].value = s[i].value & ~3 | cls }
                        if s[i].value >> 2 != block { disagreements += 1 }
                        break
                    }
                    if k == Self.emptyKey {
                        s[i] = Slot(key: location, value: block << 2 | cls)
                        inserted += 1
                        break
                    }
                    i += 1
                    if i == capacity { i = 0 }
                }
            }
        }
        touched &+= sink
        count += inserted
        blockDisagreements += disagreements
    }

    /// Folds another table in: the best class of both. When both have a location under different
    /// blocks this table's block is kept and `blockDisagreements` counts it: which block came first
    /// in the files is then unknown here (the parallel reader re-reads on one thread in that case).
    public mutating func merge(_ other: LocationClassTable) {
        blockDisagreements += other.blockDisagreements
        for slot in other.slots where slot.key != Self.emptyKey {
            let block = slot.value >> 2
            let cls = slot.value & 3
            let disagrees: Bool? = slots.withUnsafeMutableBufferPointer { s in
                let capacity = s.count
                var i = Self.home(slot.key, capacity)
                while true {
                    if s[i].key == slot.key {
                        if cls > s[i].value & 3 { s[i].value = s[i].value & ~3 | cls }
                        return s[i].value >> 2 != block
                    }
                    if s[i].key == Self.emptyKey {
                        s[i] = slot
                        return nil
                    }
                    i += 1
                    if i == capacity { i = 0 }
                }
            }
            if let disagrees {
                if disagrees { blockDisagreements += 1 }
            } else {
                count += 1
                if count * 4 > slots.count * 3 { grow() }
            }
        }
    }

    /// Moves every entry into an array half as large again.
    private mutating func grow() {
        let old = slots
        slots = []
        var bigger = Self.emptySlots(old.count + old.count / 2 + 16)
        bigger.withUnsafeMutableBufferPointer { s in
            let capacity = s.count
            for slot in old where slot.key != Self.emptyKey {
                var i = Self.home(slot.key, capacity)
                while s[i].key != Self.emptyKey {
                    i += 1
                    if i == capacity { i = 0 }
                }
                s[i] = slot
            }
        }
        slots = bigger
    }

    /// Calls `body` with each location's id, block and class (in no particular order).
    public func forEach(_ body: (_ location: Int64, _ block: UInt64, _ serviceClass: ServiceClass) throws -> Void)
        rethrows
    {
        for slot in slots where slot.key != Self.emptyKey {
            try body(slot.key, slot.value >> 2, ServiceClass(rawValue: Int(slot.value & 3))!)
        }
    }

    /// The state of one location, if the table has it.
    public subscript(location: Int64) -> (block: UInt64, serviceClass: ServiceClass)? {
        guard location >= 0 else { return nil }
        var i = Self.home(location, slots.count)
        while slots[i].key != Self.emptyKey {
            if slots[i].key == location {
                let v = slots[i].value
                return (v >> 2, ServiceClass(rawValue: Int(v & 3))!)
            }
            i += 1
            if i == slots.count { i = 0 }
        }
        return nil
    }
}
