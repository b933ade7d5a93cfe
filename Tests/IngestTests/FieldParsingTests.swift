import TestSupport
import Testing

@testable import Ingest

/// The byte-level helpers behind the BDC reader, checked against plain standard-library answers.
@Suite struct FieldParsingTests {

    /// The word-at-a-time separator search equals a byte-by-byte search from every start offset,
    /// with bytes next to the separators' values (0x2B, 0x2D, 0x0B, 0x0C) and non-ASCII bytes mixed in.
    @Test func separatorSearchMatchesByteScan() {
        var rng = SplitMix64(seed: 2026)
        let alphabet: [UInt8] = [0x2C, 0x0A, 0x0D, 0x2B, 0x2D, 0x0B, 0x0C, 0x00, 0x80, 0xAC, 0xFF, 0x41, 0x30, 0x22]
        var mismatches = 0
        for _ in 0..<300 {
            let length = Int.random(in: 0...40, using: &rng)
            let sparse = Bool.random(using: &rng)
            let bytes: [UInt8] = (0..<length).map { _ in
                sparse && Int.random(in: 0..<10, using: &rng) > 0 ? 0x41 : alphabet.randomElement(using: &rng)!
            }
            let buffer = CSVRecordReader.Buffer(capacity: max(length, 1))
            let base = buffer.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for (i, b) in bytes.enumerated() { base[i] = b }
            for start in 0...length {
                let naive = bytes[start...].firstIndex { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D } ?? length
                if CSVRecordReader.separator(in: base, from: start, to: length) != naive { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    /// Byte parsing of decimals equals `Double(String)` (correct rounding) for random plain decimals.
    @Test func decimalMatchesStandardLibrary() {
        var rng = SplitMix64(seed: 7)
        var mismatches: [String] = []
        for _ in 0..<5_000 {
            let intDigits = Int.random(in: 0...9, using: &rng)
            let fracDigits = Int.random(in: 0...6, using: &rng)
            var text = String((0..<intDigits).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            if fracDigits > 0 || text.isEmpty {
                text +=
                    "."
                    + String(
                        (0..<max(fracDigits, 1)).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            }
            let parsed = Array(text.utf8).withUnsafeBytes { FieldParsing.decimal($0) }
            if parsed != .value(Double(text)!) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func decimalEdgeCases() {
        func parse(_ s: String) -> FieldParsing.Decimal { Array(s.utf8).withUnsafeBytes { FieldParsing.decimal($0) } }
        #expect(parse("0.2") == .value(0.2))
        #expect(parse("1000") == .value(1000))
        #expect(parse(".5") == .value(0.5))
        #expect(parse("-3") == .negative)
        #expect(parse("-0") == .value(0))
        #expect(parse("") == .notANumber)
        #expect(parse(".") == .notANumber)
        #expect(parse("1.2.3") == .notANumber)
        #expect(parse("1e3") == .notANumber)
        #expect(parse(" 100") == .notANumber)
        #expect(parse("12345678901234567.5") == .value(12345678901234567.5))  // > 15 digits: slow path
    }

    @Test func int64EdgeCases() {
        func parse(_ s: String) -> Int64? { Array(s.utf8).withUnsafeBytes { FieldParsing.int64($0) } }
        #expect(parse("1102830633") == 1_102_830_633)
        #expect(parse("-12") == -12)
        #expect(parse("999999999999999999") == 999_999_999_999_999_999)  // 18 digits: fast path
        #expect(parse("9223372036854775807") == Int64.max)  // 19 digits: checked path
        #expect(parse("9223372036854775808") == nil)
        #expect(parse("12x") == nil)
        #expect(parse("") == nil)
        #expect(parse("-") == nil)
        #expect(parse("1.0") == nil)
    }
}
