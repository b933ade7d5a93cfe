/// A location's H3 cell as an availability file writes it (`h3_res8_id`, `h3index_hex8`), kept in
/// eight bytes so that a reader need not make a `String` per row: the cell itself when the file writes
/// it as the FCC does (15 lower-case hexadecimal digits), otherwise the number of its text in the
/// reader's table of texts. It always gives back the text exactly as written.
public enum H3CellCode {
    /// No cell: the file has no H3 column, or leaves it empty.
    public static let none: UInt64 = 0

    /// A cell written as 15 lower-case hexadecimal digits (`value` below 2⁶⁰).
    @inlinable
    public static func hex(_ value: UInt64) -> UInt64 { 1 << 60 | value }

    /// A cell written any other way, its text being `texts[index]` of the reader's table.
    @inlinable
    public static func text(_ index: Int32) -> UInt64 { 2 << 60 | UInt64(UInt32(bitPattern: index)) }

    /// The cell as written; `texts` is the table the code's reader filled.
    public static func written(_ code: UInt64, texts: [String]) -> String {
        switch code >> 60 {
        case 1:
            let digits = String(code & (1 << 60 - 1), radix: 16)
            return String(repeating: "0", count: max(0, 15 - digits.count)) + digits
        case 2: return texts[Int(code & 0xFFFF_FFFF)]
        default: return ""
        }
    }

    /// The value of 15 lower-case hexadecimal digits, or nil for any other text.
    @inlinable
    public static func hexValue(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count == 15 else { return nil }
        var v: UInt64 = 0
        for b in bytes {
            let d: UInt8
            if b &- 48 < 10 { d = b &- 48 } else if b &- 97 < 6 { d = b &- 87 } else { return nil }
            v = v << 4 | UInt64(d)
        }
        return v
    }
}
