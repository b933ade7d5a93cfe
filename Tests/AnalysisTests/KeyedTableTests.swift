import TestSupport
import Testing

@testable import Analysis

/// The open-addressing table against Swift's Dictionary as the reference, through growth, reserve and
/// keys that collide in their home slots.
@Suite struct KeyedTableTests {
    @Test(arguments: [0, 10, 100_000])
    func sumsEqualADictionarys(expected: Int) {
        var table = KeyedTable<Int>(expected: expected, empty: 0)
        var reference: [UInt64: Int] = [:]
        var random = SplitMix64(seed: UInt64(expected) + 1)
        for n in 0..<60_000 {
            // Few distinct keys, so most adds find an entry; some keys far apart, some adjacent.
            let key = n % 3 == 0 ? UInt64(n % 997) : random.next() % 20_000 << 40 | UInt64(n % 50)
            let i = table.slot(key)
            table[slot: i] += n
            reference[key, default: 0] += n
            if n == 30_000 { table.reserve(table.count * 3) }
        }
        #expect(table.count == reference.count)
        var seen = 0
        table.forEach { key, value in
            seen += 1
            #expect(reference[key] == value)
        }
        #expect(seen == reference.count)
        for key in reference.keys.prefix(1_000) {
            #expect(table.existingSlot(key).map { table[slot: $0] } == reference[key])
        }
        #expect(table.existingSlot(UInt64(1) << 62) == nil)
        #expect(table.existingSlot(KeyedTable<Int>.freeKey) == nil)
    }
}
