#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds where a CSV byte stream can be cut into chunks of whole records: just after a line break
/// that is not inside a quoted field.
///
/// Follows quotes exactly as `CSVRecordReader` does: a quote opens a quoted field only at the start
/// of a field (first byte of the data, or after `,`, LF or CR); inside, `""` is an escaped quote and
/// any other quote closes the field. A quote in the middle of an unquoted field is ordinary text. So
/// for valid input every cut falls between two records of the reader, and for invalid input every
/// cut before the first error does.
///
/// Works on a growing buffer whose offset 0 is a record start: `lastCut` scans only bytes not seen
/// before (jumping from quote to quote with `memchr`, so unquoted data costs one fast pass), and
/// `shift` is called after the caller drops the bytes before a cut.
struct RecordBoundaryScanner {
    /// Bytes before this offset have been scanned.
    private var scanned = 0
    private var inQuotes = false
    /// Start of the current run of bytes outside quoted fields.
    private var outsideStart = 0
    /// The last cut found in an earlier run outside quotes (0: none).
    private var earlierCut = 0

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")
    private static let comma = UInt8(ascii: ",")

    /// The offset just after the last line break outside quotes in `base[0..<count]`, or 0 when there
    /// is none. `count` only grows between calls (until `shift`).
    mutating func lastCut(in base: UnsafePointer<UInt8>, count: Int) -> Int {
        let quote = Self.quote
        var p = scanned
        while p < count {
            // memchr returns a pointer to the first matching byte, or NULL when there is none.
            guard let hit = memchr(base + p, Int32(quote), count - p) else {
                p = count
                break
            }
            let q = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if inQuotes {
                if q + 1 < count {
                    if base[q + 1] == quote {
                        p = q + 2
                        continue
                    }  // "" inside a quoted field
                    inQuotes = false
                    outsideStart = q + 1
                    p = q + 1
                } else {
                    // The quote is the last byte so far: closing, or the first of a pair? Decide later.
                    p = q
                    break
                }
            } else {
                if q == 0 || Self.isSeparator(base[q - 1]) {
                    let cut = Self.lastLineEnd(base, from: outsideStart, to: q, count: count)
                    if cut > 0 { earlierCut = cut }
                    inQuotes = true
                }
                p = q + 1
            }
        }
        scanned = p
        if !inQuotes {
            let cut = Self.lastLineEnd(base, from: outsideStart, to: count, count: count)
            if cut > 0 { return cut }
        }
        return earlierCut
    }

    /// Re-bases the scanner after the caller moved `base[cut..<count]` to offset 0.
    mutating func shift(by cut: Int) {
        scanned -= cut
        outsideStart = max(outsideStart - cut, 0)
        earlierCut = 0
    }

    @inline(__always)
    private static func isSeparator(_ c: UInt8) -> Bool { c == comma || c == lf || c == cr }

    /// Just after the last LF, or lone CR, in `base[from..<to]`; 0 when there is none. A CR that is the
    /// last byte of the data does not count: an LF may follow in the next read.
    private static func lastLineEnd(_ base: UnsafePointer<UInt8>, from: Int, to: Int, count: Int) -> Int {
        var i = to - 1
        while i >= from {
            let c = base[i]
            if c == lf { return i + 1 }
            if c == cr && i + 1 < count && base[i + 1] != lf { return i + 1 }
            i -= 1
        }
        return 0
    }
}
