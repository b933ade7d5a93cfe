/// A hash table from 64-bit keys to small fixed-size values, for the millions of entries a state's
/// availability files give (one per location, or per provider and location): open addressing with
/// linear probing over one flat array of slots (key beside value), at most 3/4 full, grown by half. A
/// look-up touches one cache line (rarely two) and an entry allocates nothing; Swift's `Dictionary`
/// hashes every key with SipHash and was a fifth of a state run's time.
struct KeyedTable<Value: Sendable>: Sendable {
    struct Slot: Sendable {
        var key: UInt64
        var value: Value
    }
    private var slots: [Slot]
    /// What a fresh slot holds.
    private let empty: Value
    /// Number of entries.
    private(set) var count = 0

    /// The key no entry may have (callers' keys are location ids and ids packed below 2⁶³).
    static var freeKey: UInt64 { .max }

    /// An empty table with room for `expected` entries before it grows.
    init(expected: Int = 0, empty: Value) {
        self.empty = empty
        slots = [Slot](repeating: Slot(key: Self.freeKey, value: empty), count: Self.capacity(for: max(expected, 12)))
    }

    private static func capacity(for n: Int) -> Int { n / 3 * 4 + 4 }

    @inline(__always)
    private static func home(_ key: UInt64, _ capacity: Int) -> Int {
        // Fibonacci hashing, then Lemire's multiply-shift reduction to [0, capacity).
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// The slot of `key`, made (holding the empty value) when the table has no entry for it.
    @inline(__always)
    mutating func slot(_ key: UInt64) -> Int {
        precondition(key != Self.freeKey, "a table key below 2⁶⁴ − 1")
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let (i, found) = slots.withUnsafeBufferPointer { Self.probe($0, key) }
        if !found {
            slots[i].key = key
            count += 1
        }
        return i
    }

    /// The slot of `key`, nil when the table has no entry for it.
    func existingSlot(_ key: UInt64) -> Int? {
        guard key != Self.freeKey else { return nil }
        let (i, found) = slots.withUnsafeBufferPointer { Self.probe($0, key) }
        return found ? i : nil
    }

    /// Loads the cache line where `key` would be found and returns what it holds there (for a sink):
    /// touching a batch's keys first lets their cache misses overlap before the batch is folded.
    /// A slot wider than a cache line's remainder spans two lines, so both of its ends are loaded.
    @inline(__always)
    func touch(_ key: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { s in
            let i = Self.home(key, s.count)
            let end = UnsafeRawPointer(s.baseAddress! + i).load(
                fromByteOffset: MemoryLayout<Slot>.size - MemoryLayout<UInt8>.size, as: UInt8.self)
            return s[i].key &+ UInt64(end)
        }
    }

    /// The slot holding `key`, or the free slot where it would go.
    @inline(__always)
    private static func probe(_ k: UnsafeBufferPointer<Slot>, _ key: UInt64) -> (Int, found: Bool) {
        let capacity = k.count
        var i = home(key, capacity)
        while true {
            let here = k[i].key
            if here == key { return (i, true) }
            if here == freeKey { return (i, false) }
            i += 1
            if i == capacity { i = 0 }
        }
    }

    /// The value in slot `i` (from `slot` or `existingSlot`).
    subscript(slot i: Int) -> Value {
        get { slots[i].value }
        _modify { yield &slots[i].value }
    }

    /// Calls `body` with each entry's key and value (in no particular order).
    func forEach(_ body: (_ key: UInt64, _ value: Value) throws -> Void) rethrows {
        for s in slots where s.key != Self.freeKey { try body(s.key, s.value) }
    }

    /// Makes room for `n` entries in all, so that adding them does not grow the table step by step.
    mutating func reserve(_ n: Int) {
        if n * 4 > slots.count * 3 { rehash(into: Self.capacity(for: n)) }
    }

    /// Moves every entry into an array half as large again.
    private mutating func grow() { rehash(into: slots.count + slots.count / 2 + 16) }

    /// Moves every entry into an array of `capacity` slots.
    private mutating func rehash(into capacity: Int) {
        let old = slots
        slots = []
        var bigger = [Slot](repeating: Slot(key: Self.freeKey, value: empty), count: capacity)
        bigger.withUnsafeMutableBufferPointer { s in
            for slot in old where slot.key != Self.freeKey {
                let (i, _) = Self.probe(UnsafeBufferPointer(s), slot.key)
                s[i] = slot
            }
        }
        slots = bigger
    }
}
