/// A CSV file built as bytes, for tables of a million rows: numbers are written digit by digit and
/// texts copied as UTF-8, with no `String` per cell. Cells are the caller's to quote (`CSVCell.text`).
struct CSVBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func comma() { bytes.append(UInt8(ascii: ",")) }
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A record of texts, each quoted as CSV needs, and its newline.
    mutating func appendRecord(_ cells: [String]) {
        append(cells.map(CSVCell.text).joined(separator: ","))
        newline()
    }

    mutating func append(_ n: Int64) {
        if n < 0 {
            guard n != .min else { return append(String(n)) }
            bytes.append(UInt8(ascii: "-"))
            return append(-n)
        }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        var v = UInt64(n)
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[31 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            bytes.append(contentsOf: buffer[(32 - count)...])
        }
    }

    /// A whole number of `width` digits at least, with leading zeros (a GEOID kept as a number).
    mutating func append(digits n: UInt64, width: Int) {
        var v = n
        var count = 0
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { b in
            repeat {
                b[23 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while (v > 0 || count < width) && count < 24
            bytes.append(contentsOf: b[(24 - count)...])
        }
    }

    /// A number as `ProviderTable.number` writes it: whole numbers without a decimal point.
    mutating func append(number v: Double) {
        if v == v.rounded() && abs(v) < 1e15 { append(Int64(v)) } else { append(String(v)) }
    }
}
