import Foundation
import GeoModel

/// The texts of the availability rows one thread reads — provider ids and brand names as written,
/// and H3 cells not written as the FCC writes them — each kept once and numbered. Consecutive rows
/// repeat their provider and brand (files are written one filing after another), so a row whose
/// bytes equal the previous row's in the same column costs one comparison and no `String`.
struct AvailabilityTexts {
    /// Texts by number, and each text's number; number 0 is the empty text.
    struct Table {
        var strings: [String] = [""]
        var numbers: [String: Int32] = ["": 0]

        /// The number of `text`, adding it when new.
        mutating func number(_ text: String) -> Int32 {
            if let n = numbers[text] { return n }
            let n = Int32(strings.count)
            strings.append(text)
            numbers[text] = n
            return n
        }
    }

    /// The last bytes seen in one column and their text's number.
    struct LastValue {
        var bytes: [UInt8] = []
        var number: Int32 = 0
    }

    var table = Table()
    private var provider = LastValue()
    private var brand = LastValue()

    /// Texts by number.
    var strings: [String] { table.strings }

    /// The number of `text`, adding it when new.
    mutating func number(_ text: String) -> Int32 { table.number(text) }

    /// The provider id's number (`bytes` as written: valid UTF-8, no quote to unescape).
    @inline(__always)
    mutating func providerNumber(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        Self.number(bytes, last: &provider, table: &table)
    }

    /// The brand name's number (`bytes` as written: valid UTF-8, no quote to unescape).
    @inline(__always)
    mutating func brandNumber(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        Self.number(bytes, last: &brand, table: &table)
    }

    @inline(__always)
    private static func number(_ bytes: UnsafeRawBufferPointer, last: inout LastValue, table: inout Table) -> Int32 {
        let same =
            bytes.count == last.bytes.count
            && (bytes.isEmpty
                || last.bytes.withUnsafeBytes {
                    memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
                })
        if same {
            return last.number
        }
        let n = table.number(String(decoding: bytes, as: UTF8.self))
        last.bytes = Array(bytes)
        last.number = n
        return n
    }
}
