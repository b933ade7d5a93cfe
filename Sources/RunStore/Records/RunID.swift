import Foundation
import GeoModel

/// The identifier of a stored run: UTC start time plus six random hex digits, e.g. `20261128T013000Z-3f9a2c`.
///
/// Ids sort in start order as plain text, and name the run's output folder (`reports/<study>/<run-id>/`).
public struct RunID: Hashable, Sendable, SingleValueCodable {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A new id for a run started at `date` (UTC), with a random suffix from the system generator.
    public static func generate(date: Date = Date()) -> RunID {
        var generator = SystemRandomNumberGenerator()
        return generate(date: date, using: &generator)
    }

    /// A new id for a run started at `date` (UTC), with the random suffix drawn from `generator`.
    public static func generate<G: RandomNumberGenerator>(date: Date, using generator: inout G) -> RunID {
        RunID(date: date, suffix: UInt32.random(in: 0...0xFF_FFFF, using: &generator))
    }

    /// The id of `date` (UTC, to the second) with a 24-bit `suffix` as six hex digits.
    init(date: Date, suffix: UInt32) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let stamp =
            pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "T"
            + pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2) + "Z"
        let hex = String(suffix & 0xFF_FFFF, radix: 16)
        self.init(stamp + "-" + String(repeating: "0", count: 6 - hex.count) + hex)
    }

    /// A reproducible id: the stamp of `date` (a pinned `SOURCE_DATE_EPOCH`) and a suffix derived from
    /// `seed` (bits 8–31 of its 64-bit FNV-1a hash), so that two runs of the same study at the same
    /// pinned date carry the same id and their reports are byte-identical.
    public static func reproducible(date: Date, seed: String) -> RunID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return RunID(date: date, suffix: UInt32(truncatingIfNeeded: hash) >> 8)
    }

    /// Whether the text has the generated shape `YYYYMMDDTHHMMSSZ-xxxxxx` (lower-case hex).
    public var isWellFormed: Bool {
        let bytes = Array(rawValue.utf8)
        guard bytes.count == 23 else { return false }
        func digit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func hex(_ b: UInt8) -> Bool { digit(b) || (b >= 97 && b <= 102) }
        return bytes[0..<8].allSatisfy(digit) && bytes[8] == UInt8(ascii: "T")
            && bytes[9..<15].allSatisfy(digit) && bytes[15] == UInt8(ascii: "Z")
            && bytes[16] == UInt8(ascii: "-") && bytes[17..<23].allSatisfy(hex)
    }

    public var value: String { rawValue }
    public static func of(value: String) -> Self { RunID(value) }
}
