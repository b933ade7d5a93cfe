import Foundation
import Testing

@testable import RunStore

@Suite struct RunIDTests {
    /// A generator with a fixed sequence, so the random suffix is known.
    struct FixedGenerator: RandomNumberGenerator {
        var value: UInt64
        mutating func next() -> UInt64 { value }
    }

    @Test func generatedIdsHaveTheUTCTimeAndSixHexDigits() {
        // 2026-11-28T01:30:00Z = 1_795_829_400 s (20,785 days × 86,400 + 5,400).
        let date = Date(timeIntervalSince1970: 1_795_829_400)
        let id = RunID.generate(date: date)
        #expect(id.rawValue.hasPrefix("20261128T013000Z-"))
        #expect(id.rawValue.count == 23)
        #expect(id.isWellFormed)
    }

    @Test func theSuffixIsZeroPaddedHex() {
        var zero = FixedGenerator(value: 0)
        let date = Date(timeIntervalSince1970: 0)
        #expect(RunID.generate(date: date, using: &zero).rawValue == "19700101T000000Z-000000")
        #expect(!RunID("20261128T013000Z-3F9A2C").isWellFormed)  // upper-case hex is not what we generate
        #expect(!RunID("20261128T013000Z3f9a2c").isWellFormed)
        #expect(RunID("20261128T013000Z-3f9a2c").isWellFormed)
    }

    @Test func idsSortInTimeOrder() {
        let early = RunID.generate(date: Date(timeIntervalSince1970: 1_795_829_400))
        let late = RunID.generate(date: Date(timeIntervalSince1970: 1_795_829_401))
        #expect(early < late)
    }
}
