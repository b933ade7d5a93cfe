import GeoModel

/// The compact per-location state of a classification: for each location id, its best class so
/// far and its census block (the block of its earliest row in file order).
///
/// An open-addressing hash table (linear probing, Fibonacci hashing) in three flat arrays: 20 bytes
/// per slot, at most 70 % full, so about 29–57 bytes per location whatever the number of rows. No
/// per-entry allocation and no per-row hashing of strings.
public struct LocationClassTable: Sendable {
    /// Location id per slot; `emptyKey` marks a free slot (ids are never negative).
    private var keys: [Int64]
    /// Block GEOID as an integer, shifted left by 2, with the class's raw value in the low 2 bits.
    private var values: [UInt64]
    /// The reading order (chunk number) of the row that set the block.
    private var orders: [UInt32]
    private var shift: UInt64
    /// Number of locations in the table.
    public private(set) var count = 0

    private static let emptyKey: Int64 = -1
    /// Fill limit: at most 7 of 10 slots used (a common bound for linear probing).
    private static func limit(_ capacity: Int) -> Int { capacity / 10 * 7 }

    /// An empty table with room for `expected` locations before it grows.
    public init(expected: Int = 0) {
        var capacity = 16
        while Self.limit(capacity) < expected { capacity *= 2 }
        keys = Array(repeating: Self.emptyKey, count: capacity)
        values = Array(repeating: 0, count: capacity)
        orders = Array(repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: Int64) -> Int {
        // Fibonacci hashing: multiply by 2^64 / golden ratio and keep the top bits.
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Folds one row's outcome: the class is raised to `serviceClass` if that is better; the block is
    /// replaced only by a row that comes earlier in reading order (`order`, then first come).
    @inline(__always)
    public mutating func add(location: Int64, block: UInt64, serviceClass: ServiceClass, order: Int) {
        precondition(location >= 0, "location ids are not negative")
        let mask = keys.count - 1
        var i = slot(location)
        while true {
            let k = keys[i]
            if k == location {
                var v = values[i]
                if UInt64(serviceClass.rawValue) > v & 3 { v = v & ~3 | UInt64(serviceClass.rawValue) }
                if UInt32(truncatingIfNeeded: order) < orders[i] {
                    v = block << 2 | v & 3
                    orders[i] = UInt32(truncatingIfNeeded: order)
                }
                values[i] = v
                return
            }
            if k == Self.emptyKey {
                keys[i] = location
                values[i] = block << 2 | UInt64(serviceClass.rawValue)
                orders[i] = UInt32(truncatingIfNeeded: order)
                count += 1
                if count > Self.limit(keys.count) { grow() }
                return
            }
            i = (i + 1) & mask
        }
    }

    /// Folds another table in: best class of both, block of the earlier row.
    public mutating func merge(_ other: LocationClassTable) {
        for i in other.keys.indices where other.keys[i] != Self.emptyKey {
            let v = other.values[i]
            add(location: other.keys[i], block: v >> 2, serviceClass: ServiceClass(rawValue: Int(v & 3))!,
                order: Int(other.orders[i]))
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values, oldOrders = orders
        let capacity = oldKeys.count * 2
        keys = Array(repeating: Self.emptyKey, count: capacity)
        values = Array(repeating: 0, count: capacity)
        orders = Array(repeating: 0, count: capacity)
        shift -= 1
        let mask = capacity - 1
        for j in oldKeys.indices where oldKeys[j] != Self.emptyKey {
            var i = slot(oldKeys[j])
            while keys[i] != Self.emptyKey { i = (i + 1) & mask }
            keys[i] = oldKeys[j]
            values[i] = oldValues[j]
            orders[i] = oldOrders[j]
        }
    }

    /// Calls `body` with each location's id, block and class (in no particular order).
    public func forEach(_ body: (_ location: Int64, _ block: UInt64, _ serviceClass: ServiceClass) throws -> Void) rethrows {
        for i in keys.indices where keys[i] != Self.emptyKey {
            let v = values[i]
            try body(keys[i], v >> 2, ServiceClass(rawValue: Int(v & 3))!)
        }
    }

    /// The state of one location, if the table has it.
    public subscript(location: Int64) -> (block: UInt64, serviceClass: ServiceClass)? {
        guard location >= 0 else { return nil }
        let mask = keys.count - 1
        var i = slot(location)
        while keys[i] != Self.emptyKey {
            if keys[i] == location {
                let v = values[i]
                return (v >> 2, ServiceClass(rawValue: Int(v & 3))!)
            }
            i = (i + 1) & mask
        }
        return nil
    }
}
