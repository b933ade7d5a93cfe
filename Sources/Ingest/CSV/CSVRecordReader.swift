import GeoIO
import GeoModel

/// A streaming RFC 4180 record splitter over a `ByteStream`: reads big chunks, hands out one record
/// at a time as byte spans into its own buffer, and never holds more than the current chunk (plus
/// one record, when a record is longer than a chunk).
///
/// Accepts a UTF-8 byte-order mark, LF, CRLF and lone-CR line ends, quoted fields holding commas,
/// doubled quotes and line breaks. Skips lines that are completely empty. A field's bytes are valid
/// only until the next call to `next()`.
struct CSVRecordReader {
    /// One field of the current record: `[start, end)` offsets into the buffer, without the quotes
    /// of a quoted field. `hasDoubledQuotes` means the bytes still hold `""` pairs to unescape.
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
        var hasDoubledQuotes: Bool
    }

    /// Owns the read buffer's memory; replaced (never resized) when a record outgrows it.
    /// A class with `let` storage: a struct reader holding it pays no exclusivity checks per byte.
    final class Buffer {
        let bytes: UnsafeMutableRawBufferPointer
        init(capacity: Int) { bytes = .allocate(byteCount: capacity, alignment: 16) }
        deinit { bytes.deallocate() }
    }

    /// Default read size (see `BDCReader.defaultChunkSize`).
    static let defaultChunkSize = BDCReader.defaultChunkSize

    /// The stream to read from; nil when the reader parses one in-memory chunk (`init(chunk:displayName:)`).
    private let stream: ByteStream?
    /// Owns the read buffer (nil for an in-memory chunk, whose bytes belong to the caller).
    private var buffer: Buffer?
    /// Internal (not private) for the BDC fast path, `BDC/BDCFastPath.swift`, as are `position`,
    /// `limit`, `atEnd`, `nextLine` and the byte constants.
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let chunkSize: Int
    /// First byte not yet consumed.
    var position = 0
    /// One past the last valid byte.
    private(set) var limit = 0
    private(set) var atEnd = false
    private var startedStream = false

    /// Holds the current record's fields; replaced (never resized) when a record has more fields.
    final class FieldBuffer {
        let fields: UnsafeMutablePointer<Field>
        let capacity: Int
        init(capacity: Int) {
            self.capacity = capacity
            fields = .allocate(capacity: capacity)
        }
        deinit { fields.deallocate() }
    }

    private var fieldBuffer = FieldBuffer(capacity: 32)
    private var fieldBase: UnsafeMutablePointer<Field>
    /// Number of fields in the current record.
    var fieldCount = 0
    /// Physical line (1-based) on which the current record starts.
    var recordLine = 0
    /// Physical line on which the next record starts.
    var nextLine = 1
    /// Bytes read from the stream so far (after decompression).
    private(set) var bytesRead = 0
    /// Whether the input held any byte at all besides a byte-order mark.
    private(set) var sawAnyByte = false

    /// The name errors give for the input.
    let displayName: String

    init(stream: ByteStream, chunkSize: Int = CSVRecordReader.defaultChunkSize) {
        self.stream = stream
        displayName = stream.displayName
        self.chunkSize = max(chunkSize, 16)
        capacity = self.chunkSize
        let buffer = Buffer(capacity: capacity)
        self.buffer = buffer
        base = buffer.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        fieldBase = fieldBuffer.fields
    }

    /// A reader over one in-memory chunk of whole records (the parallel reader's unit of work): the
    /// chunk's end is the end of the input, and line numbers count from 1 at the chunk's first byte.
    ///
    /// `chunk` must stay valid while the reader is used; the reader never writes to it. A chunk
    /// starts at a record start (no byte-order mark is looked for).
    init(chunk: UnsafeRawBufferPointer, displayName: String) {
        stream = nil
        self.displayName = displayName
        chunkSize = max(chunk.count, 16)
        if let start = chunk.baseAddress, chunk.count > 0 {
            base = UnsafeMutablePointer(mutating: start.assumingMemoryBound(to: UInt8.self))
            buffer = nil
        } else {
            let empty = Buffer(capacity: 16)
            buffer = empty
            base = empty.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        }
        capacity = chunk.count
        limit = chunk.count
        atEnd = true
        startedStream = true
        sawAnyByte = chunk.count > 0
        bytesRead = chunk.count
        fieldBase = fieldBuffer.fields
    }

    /// Physical lines consumed so far (line breaks inside quoted fields included).
    var linesConsumed: Int { nextLine - 1 }

    /// The bytes read from the stream but not yet parsed, whether the stream is exhausted, and the
    /// physical line the next record starts on. Used to hand the rest of a member to the parallel
    /// reader after the header was read; the span is valid until the reader is used again.
    var unparsed: (bytes: UnsafeRawBufferPointer, atEnd: Bool, nextLine: Int) {
        (UnsafeRawBufferPointer(start: base + position, count: limit - position), atEnd, nextLine)
    }

    /// The raw bytes of field `index` of the current record (quotes removed, `""` not yet unescaped).
    @inline(__always)
    func bytes(_ index: Int) -> UnsafeRawBufferPointer {
        precondition(index < fieldCount, "field index out of range")
        let f = fieldBase[index]
        return UnsafeRawBufferPointer(start: base + f.start, count: f.end - f.start)
    }

    /// Field `index` of the current record as text, with doubled quotes unescaped.
    func string(_ index: Int) -> String {
        precondition(index < fieldCount, "field index out of range")
        let f = fieldBase[index]
        let raw = UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
        guard f.hasDoubledQuotes else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            // Inside a quoted field a quote only ever appears doubled: keep one of the pair.
            i += raw[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether field `index` holds `""` pairs still to unescape.
    @inline(__always)
    func hasDoubledQuotes(_ index: Int) -> Bool {
        precondition(index < fieldCount, "field index out of range")
        return fieldBase[index].hasDoubledQuotes
    }

    /// Appends a field to the current record, moving to a bigger field buffer when needed.
    @inline(__always)
    private mutating func append(_ field: Field) {
        if fieldCount == fieldBuffer.capacity {
            let bigger = FieldBuffer(capacity: fieldBuffer.capacity * 2)
            bigger.fields.update(from: fieldBase, count: fieldCount)
            fieldBuffer = bigger
            fieldBase = bigger.fields
        }
        fieldBase[fieldCount] = field
        fieldCount += 1
    }

    /// Advances to the next record.
    /// - Returns: false at the end of the input.
    /// - Throws: `LastmileError.badInput` for an unterminated quote or text after a closing quote,
    ///   naming the column by `columnNames[field index]` when there is one, else "field N".
    mutating func next(columnNames: [String] = []) throws -> Bool {
        if !startedStream { try startStream() }
        while true {
            let start = position
            switch try parseRecord(columnNames: columnNames) {
            case .record:
                guard position - start <= CSVLimits.maximumLineLength else { throw tooLong(line: recordLine) }
                return true
            case .blankLine: continue
            case .endOfInput: return false
            case .needMoreData:
                guard limit - position <= CSVLimits.maximumLineLength else { throw tooLong(line: nextLine) }
                try refill()
            }
        }
    }

    private enum ParseResult { case record, blankLine, endOfInput, needMoreData }

    private func tooLong(line: Int) -> LastmileError {
        .badInput(SourceLocation(file: displayName, line: line), CSVLimits.tooLong)
    }

    private mutating func startStream() throws {
        startedStream = true
        try refill()
        // UTF-8 byte-order mark EF BB BF (data.census.gov writes one).
        if limit - position >= 3, base[position] == 0xEF, base[position + 1] == 0xBB, base[position + 2] == 0xBF {
            position += 3
        }
        sawAnyByte = limit > position
    }

    /// Moves unconsumed bytes to the front (growing the buffer when one record fills it) and reads more.
    private mutating func refill() throws {
        guard let stream else {
            atEnd = true
            return
        }
        if position > 0 {
            let remaining = limit - position
            if remaining > 0 { base.update(from: base + position, count: remaining) }
            limit = remaining
            position = 0
        }
        if limit == capacity {
            // A single record longer than the buffer: double it.
            let bigger = Buffer(capacity: capacity * 2)
            bigger.bytes.copyMemory(from: UnsafeRawBufferPointer(start: base, count: limit))
            buffer = bigger
            capacity *= 2
            base = bigger.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        }
        let target = UnsafeMutableRawBufferPointer(start: base + limit, count: capacity - limit)
        let n = try stream.read(into: target)
        if n == 0 { atEnd = true }
        limit += n
        bytesRead += n
    }

    /// The offset of the first `,`, LF or CR in `[from, to)`, or `to` when there is none.
    ///
    /// Scans 8 bytes at a time (SWAR "has zero byte": Hacker's Delight 6-1, Mycroft's expression):
    /// fields in BDC files are short, so one word usually holds the separator. The lowest flagged
    /// byte is exact (borrows only corrupt bytes above it); a word is only loaded when it ends at or
    /// before `to`.
    @inline(__always)
    static func separator(in base: UnsafeMutablePointer<UInt8>, from: Int, to end: Int) -> Int {
        var q = from
        #if _endian(little)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while q + 8 <= end {
                let w = UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self)
                let a = w ^ (ones &* 0x2C)
                let b = w ^ (ones &* 0x0A)
                let c = w ^ (ones &* 0x0D)
                let hits = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
                if hits != 0 { return q + hits.trailingZeroBitCount >> 3 }
                q += 8
            }
        #endif
        while q < end {
            let c = base[q]
            if c == comma || c == lf || c == cr { break }
            q += 1
        }
        return q
    }

    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// Parses one record starting at `position`. Commits (advances `position` and the line count)
    /// only when the record is complete, so a record cut by the buffer end is parsed again after a refill.
    private mutating func parseRecord(columnNames: [String]) throws -> ParseResult {
        func columnName(_ i: Int) -> String? { i < columnNames.count ? columnNames[i] : nil }
        let comma = Self.comma
        let quote = Self.quote
        let lf = Self.lf
        let cr = Self.cr
        let end = limit
        let base = self.base
        let atEnd = self.atEnd
        var p = position
        if p == end { return atEnd ? .endOfInput : .needMoreData }
        fieldCount = 0
        var newlinesInside = 0
        while true {
            // One field starts at p.
            if p < end, base[p] == quote {
                let contentStart = p + 1
                let openingLine = nextLine + newlinesInside
                var q = contentStart
                var doubled = false
                var closed = false
                while q < end {
                    let c = base[q]
                    if c == quote {
                        if q + 1 < end {
                            if base[q + 1] == quote {
                                doubled = true
                                q += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        // Quote is the last byte in the buffer: closing or first half of a pair?
                        if atEnd {
                            closed = true
                            break
                        }
                        return .needMoreData
                    }
                    if c == lf || (c == cr && !(q + 1 < end && base[q + 1] == lf)) { newlinesInside += 1 }
                    q += 1
                }
                if !closed {
                    if !atEnd { return .needMoreData }
                    throw LastmileError.badInput(
                        SourceLocation(
                            file: displayName, line: openingLine,
                            column: columnName(fieldCount) ?? "field \(fieldCount + 1)"),
                        "unterminated quoted field: the quote opened on this line is not closed before the end of the file"
                    )
                }
                append(Field(start: contentStart, end: q, quoted: true, hasDoubledQuotes: doubled))
                p = q + 1
                if p < end {
                    let c = base[p]
                    if c != comma && c != lf && c != cr {
                        throw LastmileError.badInput(
                            SourceLocation(
                                file: displayName, line: nextLine + newlinesInside,
                                column: columnName(fieldCount - 1) ?? "field \(fieldCount)"),
                            "unexpected text after a closing quote; a quote inside a quoted field must be doubled (\"\")"
                        )
                    }
                }
            } else {
                let q = Self.separator(in: base, from: p, to: end)
                if q == end && !atEnd { return .needMoreData }
                append(Field(start: p, end: q, quoted: false, hasDoubledQuotes: false))
                p = q
            }
            // p is at a separator or the end of the data.
            if p == end {
                if !atEnd { return .needMoreData }
                break
            }
            let c = base[p]
            if c == comma {
                p += 1
                continue
            }
            if c == cr {
                if p + 1 < end {
                    p += base[p + 1] == lf ? 2 : 1
                } else if atEnd {
                    p += 1
                } else {
                    return .needMoreData
                }
            } else {
                p += 1  // LF
            }
            newlinesInside += 1
            break
        }
        recordLine = nextLine
        nextLine += newlinesInside
        position = p
        if fieldCount == 1 && fieldBase[0].start == fieldBase[0].end && !fieldBase[0].quoted { return .blankLine }
        return .record
    }
}
